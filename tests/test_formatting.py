import pytest

from careers.formatting import pay_range, usd, year_span


def test_usd_groups_thousands():
    assert usd(187_000) == "$187,000"


@pytest.mark.parametrize(
    ("low", "high", "open_ended", "expected"),
    [
        (200_000, 280_000, False, "$200,000 – $280,000"),
        (400_000, 600_000, True, "$400,000 – $600,000+"),
        (None, None, False, ""),
    ],
)
def test_pay_range_reads_as_people_write_it(low, high, open_ended, expected):
    assert pay_range(low, high, open_ended=open_ended) == expected


@pytest.mark.parametrize(
    ("low", "high", "open_ended", "approximate", "expected"),
    [
        (10, 15, True, False, "10–15+ years"),
        (0, 2, False, False, "0–2 years"),
        (10, None, False, False, "10+ years"),
        (10, 10, False, True, "about 10 years"),
        (None, None, False, False, ""),
    ],
)
def test_year_span(low, high, open_ended, approximate, expected):
    assert year_span(low, high, open_ended=open_ended, approximate=approximate) == expected


def test_a_long_address_may_wrap_at_its_punctuation_and_stays_escaped():
    from careers.templatetags.careers_format import breakable_url

    shown = breakable_url("https://example.org/next-episode/?years=4&have=git,linux")
    assert shown == (
        "https:/<wbr>/<wbr>example.org/<wbr>next-episode/<wbr>?<wbr>years=<wbr>4&amp;<wbr>"
        "have=<wbr>git,<wbr>linux"
    )
    assert breakable_url('/x?q="<b>"') == "/<wbr>x?<wbr>q=<wbr>&quot;&lt;b&gt;&quot;"
