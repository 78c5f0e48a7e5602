"""The "What's my next episode" questionnaire: its answers and their address, the advice, and the
page or JSON result, all read from the public read model. careers/views/questionnaire.py only
answers.
"""
