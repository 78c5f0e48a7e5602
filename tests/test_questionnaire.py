import pytest

from careers.models import Importance, SkillKind, Track
from careers.questionnaire import (
    Answers,
    Background,
    Interest,
    Priority,
    common_skills,
    fit_label,
    next_stage,
    storyline_for,
    years_to_reach,
)
from careers.questionnaire_data import (
    Catalogue,
    Pay,
    RoleData,
    SkillNeed,
    Stage,
    Tier,
    catalogue_from_database,
)

PAY = Pay(100_000, 150_000, False, 150_000, 250_000, False)


def answers(**overrides) -> Answers:
    given = {
        "years": 0,
        "background": Background.SWITCHER,
        "knows": frozenset(),
        "likes": (),
        "priority": Priority.PAY,
    }
    return Answers(**(given | overrides))


def skill(slug: str, *, kind=SkillKind.PRACTICE, fundamental=False, importance=Importance.CORE):
    return SkillNeed(slug, slug.title(), kind, fundamental, importance, f"/skills/{slug}/")


def role(slug: str, *, track=Track.BACKEND, stages=((0, "Junior"), (3, "Mid"), (6, "Senior"))):
    return RoleData(
        slug=slug,
        title=slug.title(),
        track=track,
        url=f"/roles/{slug}/",
        pay=PAY,
        stages=tuple(Stage(n, title, low, None, False) for n, (low, title) in enumerate(stages, 1)),
        skills=(skill("linux", fundamental=True), skill(f"{slug}-craft")),
        experience_min_years=5,
    )


@pytest.fixture
def seeded(seed_once, db) -> Catalogue:
    return catalogue_from_database()


@pytest.mark.parametrize("years", [0, 12])
def test_career_switcher_gets_an_entry_step_and_the_fundamentals_first(seeded, years):
    story = storyline_for(
        catalogue=seeded,
        answers=answers(years=years, likes=(Interest.CLOUD,), priority=Priority.PAY),
    )
    episode = story.next_episode
    assert story.season.slug == "entry"
    assert episode.stage.order == 1
    assert episode.stage.years_min in (0, None)
    assert episode.paid_as == "the Entry tier"
    assert episode.pay.base_min == 75_000
    assert "Principal" not in episode.stage.title
    assert story.gaps
    assert all(gap.is_fundamental for gap in story.gaps)


def test_backend_developer_with_six_years_and_a_taste_for_performance_goes_senior_backend(
    seeded,
):
    story = storyline_for(
        catalogue=seeded,
        answers=answers(
            years=6,
            background=Background.BACKEND,
            knows=frozenset({"python", "sql", "git", "linux", "docker"}),
            likes=(Interest.PERFORMANCE,),
        ),
    )
    assert story.season.slug == "senior"
    assert [fit.role.track for fit in story.fits[:3]] == [Track.BACKEND] * 3
    assert story.fits[0].label == "Best fit"
    assert story.next_episode.role.track == Track.BACKEND
    assert story.next_episode.stage.years_min >= 5
    assert "Senior" in story.next_episode.stage.title or "Staff" in story.next_episode.stage.title


def test_four_years_of_devops_and_a_pull_toward_security_put_devsecops_among_the_top_fits(
    seeded,
):
    story = storyline_for(
        catalogue=seeded,
        answers=answers(
            years=4,
            background=Background.DEVOPS,
            knows=frozenset({"linux", "git", "docker", "ci-cd", "cloud"}),
            likes=(Interest.SECURITY,),
        ),
    )
    assert "devsecops-engineer" in [fit.role.slug for fit in story.fits[:3]]
    assert story.season.slug == "mid"


def test_the_same_answers_give_the_same_storyline_whatever_the_data_order(seeded):
    given = answers(years=3, background=Background.SYSADMIN, likes=(Interest.RELIABILITY,))
    reversed_catalogue = Catalogue(tiers=seeded.tiers, roles=tuple(reversed(seeded.roles)))
    first = storyline_for(catalogue=seeded, answers=given)
    assert storyline_for(catalogue=seeded, answers=given) == first
    assert storyline_for(catalogue=reversed_catalogue, answers=given) == first


def test_years_to_reach_is_the_last_dated_stage_minus_your_years_floored_at_zero():
    path = role("path", stages=((0, "Junior"), (3, "Mid"), (8, "Lead")))
    assert years_to_reach(role=path, answers=answers(years=5, background="backend")) == 3
    assert years_to_reach(role=path, answers=answers(years=11, background="backend")) == 0


def test_years_outside_tech_do_not_shorten_the_road():
    path = role("path", stages=((0, "Junior"), (8, "Lead")))
    assert years_to_reach(role=path, answers=answers(years=10)) == 8


def test_an_undated_path_falls_back_to_the_roles_typical_years():
    undated = role("undated", stages=((None, "Developer"), (None, "Lead")))
    assert years_to_reach(role=undated, answers=answers()) == 5


def test_staying_on_your_track_moves_you_to_the_next_step_ahead():
    path = role("path", track=Track.BACKEND)
    given = answers(years=4, background=Background.BACKEND)
    assert next_stage(role=path, answers=given).title == "Senior"


def test_changing_track_is_a_sideways_move_onto_the_step_your_years_earn():
    path = role("path", track=Track.SECURITY)
    given = answers(years=4, background=Background.BACKEND)
    assert next_stage(role=path, answers=given).title == "Mid"


def test_past_the_last_step_your_next_episode_is_the_role_itself_at_its_own_pay():
    path = role("path", track=Track.BACKEND)
    tiers = (Tier("any", "Any", 0, None, Pay(1, 2, False, 3, 4, False)),)
    story = storyline_for(
        catalogue=Catalogue(tiers=tiers, roles=(path,)),
        answers=answers(years=9, background=Background.BACKEND),
    )
    assert story.next_episode.stage.title == "Senior"
    assert story.next_episode.pay == PAY
    assert story.next_episode.paid_as == "Path"


def test_an_interest_lifts_roles_on_its_track_above_the_rest():
    roles = (role("builder", track=Track.BACKEND), role("guardian", track=Track.SECURITY))
    tiers = (Tier("any", "Any", 0, None, PAY),)
    story = storyline_for(
        catalogue=Catalogue(tiers=tiers, roles=roles),
        answers=answers(likes=(Interest.SECURITY,)),
    )
    assert [fit.role.slug for fit in story.fits] == ["guardian", "builder"]
    assert "Security" in story.fits[0].why


def test_caring_about_time_prefers_the_role_you_reach_sooner():
    roles = (role("long", stages=((0, "A"), (12, "B"))), role("short", stages=((0, "A"), (4, "B"))))
    tiers = (Tier("any", "Any", 0, None, PAY),)
    story = storyline_for(
        catalogue=Catalogue(tiers=tiers, roles=roles), answers=answers(priority=Priority.TIME)
    )
    assert story.fits[0].role.slug == "short"


def test_fit_labels_follow_the_documented_thresholds():
    assert fit_label(6.0) == "Best fit"
    assert fit_label(5.9) == "Good fit"
    assert fit_label(4.0) == "Good fit"
    assert fit_label(3.9) == "Worth a look"


def test_step_two_offers_the_fundamentals_and_the_skills_half_the_roles_need():
    shared = skill("terraform")
    roles = tuple(
        RoleData(
            slug=f"role-{n}",
            title=f"Role {n}",
            track=Track.BACKEND,
            url="/",
            pay=PAY,
            stages=(),
            skills=(skill("git", fundamental=True), skill(f"rare-{n}"))
            + ((shared,) if n < 2 else ()),
            experience_min_years=3,
        )
        for n in range(4)
    )
    offered = common_skills(catalogue=Catalogue(tiers=(), roles=roles))
    assert [choice.slug for choice in offered] == ["git", "terraform"]


def test_step_two_lists_the_seeded_fundamentals_first(seeded):
    offered = common_skills(catalogue=seeded)
    flags = [choice.is_fundamental for choice in offered]
    assert flags == sorted(flags, reverse=True)
    slugs = {choice.slug for choice in offered}
    assert {"python", "sql", "linux", "git", "docker", "ci-cd", "cloud"} <= slugs
    assert {"kubernetes", "infrastructure-as-code", "observability"} <= slugs
    assert "pytorch" not in slugs
