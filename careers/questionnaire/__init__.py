"""The "What's my next episode" questionnaire: its answers and their address, the catalogue it
reads, the advice, and the page or JSON result. careers/views/questionnaire.py only answers.
"""
