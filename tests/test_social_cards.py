import io

import pytest
from django.core.cache import cache
from PIL import Image

from careers import read_model, social_cards
from careers.models import Role


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def drawings(monkeypatch):
    """Every card actually drawn, in order."""
    drawn = []
    draw = social_cards.draw_card

    def counting_draw(card):
        drawn.append(card)
        return draw(card)

    monkeypatch.setattr(social_cards, "draw_card", counting_draw)
    return drawn


def assert_is_a_social_card_png(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.verify()
    assert (image.format, image.size) == ("PNG", (1200, 630))


def test_each_roles_card_is_a_1200_by_630_png(client, seed):
    for role in Role.objects.all():
        assert_is_a_social_card_png(client.get(f"/roles/{role.slug}/card.png"))


def test_listing_and_result_cards_are_1200_by_630_pngs(client, seed):
    assert_is_a_social_card_png(client.get("/card.png"))
    assert_is_a_social_card_png(client.get("/next-episode/card.png?role=mlops-engineer&years=3"))
    assert_is_a_social_card_png(client.get("/next-episode/card.png?role=mlops-engineer"))


def test_role_card_shows_the_rank_and_both_pay_ranges(seed):
    role = read_model.current().role_by_slug["principal-devops-engineer"]
    card = social_cards.role_card(role=role, ranked=10)
    assert card.eyebrow.startswith("#1 of the Top 10")
    assert ("Base salary (US)", "$200,000 – $280,000") in card.rows
    assert ("Total compensation", "$400,000 – $600,000+") in card.rows
    assert "Nucamp" in card.footer


def test_listing_card_shows_the_top_five_in_rank_order(seed):
    card = social_cards.listing_card(ranked=read_model.current().roles)
    assert [label for label, _ in card.rows][:2] == [
        "#1 Principal DevOps Engineer",
        "#2 Staff Backend Engineer",
    ]
    assert len(card.rows) == 5


def test_result_card_names_the_next_step_and_its_own_pay_beside_the_readers_tier(
    client, seed, drawings, no_page_cache
):
    """Issue 20: the card showed the destination's pay as if it were the next step's."""
    client.get("/next-episode/card.png?role=site-reliability-engineer&step=2&years=4")
    card = drawings[-1]
    assert card.title == "SRE or DevOps engineer on call"
    assert card.rows == (
        ("On the path to", "Site Reliability Engineer"),
        ("Pay at this step", "$140,000 – $220,000"),  # the Mid tier, the step's years
        ("Where I am: Mid level", "$140,000 – $220,000"),
    )


def test_a_result_card_without_a_step_names_the_roles_own_step_and_pay(
    client, seed, drawings, no_page_cache
):
    """Links made before cards named a step keep showing what they showed: the role."""
    client.get("/next-episode/card.png?role=site-reliability-engineer")
    assert drawings[-1].title == "Staff/Principal SRE"
    assert ("Pay at this step", "$250,000 – $400,000") in drawings[-1].rows


@pytest.fixture
def no_page_cache(settings):
    """The page cache would answer a repeat request before the card view runs."""
    settings.PAGE_CACHE_SECONDS = 0


def test_card_is_drawn_once_then_served_from_the_cache(client, seed, drawings, no_page_cache):
    first = client.get("/roles/mlops-engineer/card.png").content
    second = client.get("/roles/mlops-engineer/card.png").content
    assert first == second
    assert len(drawings) == 1


def test_card_is_redrawn_when_the_roles_pay_changes(client, seed, drawings):
    before = client.get("/roles/mlops-engineer/card.png")
    role = Role.objects.get(slug="mlops-engineer")
    role.base_max = 290_000
    role.save()  # as the admin does; a bulk update() would not tell the page cache
    after = client.get("/roles/mlops-engineer/card.png")
    assert len(drawings) == 2
    assert ("Base salary (US)", "$134,000 – $290,000") in drawings[-1].rows
    assert before["ETag"] != after["ETag"]


def test_unchanged_card_answers_304_without_drawing_or_reading_it(
    client, seed, no_page_cache, monkeypatch
):
    """The ETag is the card's figures' hash, so a match answers before any PNG is fetched."""
    etag = client.get("/card.png")["ETag"]
    fetched = []
    monkeypatch.setattr(social_cards, "card_png", lambda card: fetched.append(card) or b"")
    response = client.get("/card.png", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert fetched == []


@pytest.mark.parametrize(
    "query",
    ["role=mlops-engineer&years=x", "role=mlops-engineer&years=-1", "role=mlops-engineer&years=51"]
    + ["role=mlops-engineer&years=" + "9" * 5000, "role=mlops-engineer&years=²"]
    + ["role=mlops-engineer&step=0", "role=mlops-engineer&step=4", "role=mlops-engineer&step=x"]
    + ["", "role=not a slug"],
)
def test_result_card_refuses_malformed_answers(client, seed, query):
    """Years as the questionnaire takes them (0 to 50), a step of the role's own path."""
    assert client.get(f"/next-episode/card.png?{query}").status_code == 400


# Addresses over 2,048 characters get a 400 before any view (careers/middleware.py).
@pytest.mark.parametrize("query", ["role=no-such-role", "role=" + "x" * 1000])
def test_result_card_for_an_unknown_role_is_not_found(client, seed, query):
    assert client.get(f"/next-episode/card.png?{query}").status_code == 404


def test_unknown_roles_card_is_not_found(client, seed):
    assert client.get("/roles/no-such-role/card.png").status_code == 404


def test_cards_draw_with_pillows_own_font_when_dejavu_is_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(social_cards, "FONT_DIR", tmp_path)
    social_cards.font_name.cache_clear()
    social_cards.font.cache_clear()
    try:
        card = social_cards.Card(
            eyebrow="#3", title="A very long role title " * 4, rows=(("Base", "$1"),), footer=""
        )
        png = social_cards.draw_card(card)
    finally:
        social_cards.font_name.cache_clear()
        social_cards.font.cache_clear()
    assert Image.open(io.BytesIO(png)).size == (1200, 630)
