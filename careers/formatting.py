"""How figures read on the site: "$200,000 – $280,000", "$600,000+", "10–15+ years"."""

EN_DASH = "\N{EN DASH}"


def usd(amount: int | None) -> str:
    if amount is None:
        return ""
    return f"${amount:,}"


def pay_range(low: int | None, high: int | None, *, open_ended: bool = False) -> str:
    if low is None or high is None:
        return ""
    plus = "+" if open_ended else ""
    if low == high:
        return f"{usd(low)}{plus}"
    return f"{usd(low)} {EN_DASH} {usd(high)}{plus}"


def base_pay(item) -> str:
    """The base-salary range of anything with the pay-range fields (a role, a tier, a pay row)."""
    return pay_range(item.base_min, item.base_max, open_ended=item.base_max_open_ended)


def total_pay(item) -> str:
    return pay_range(item.total_min, item.total_max, open_ended=item.total_max_open_ended)


def role_experience(role) -> str:
    """A role's typical years of experience, as the article writes the span."""
    return year_span(
        role.experience_min_years,
        role.experience_max_years,
        open_ended=role.experience_open_ended,
        approximate=role.experience_approximate,
    )


def year_span(
    low: int | None, high: int | None, *, open_ended: bool = False, approximate: bool = False
) -> str:
    if low is None:
        return ""
    if approximate:
        return f"about {low} years"
    if high is None:
        return f"{low}+ years"
    plus = "+" if open_ended else ""
    if low == high:
        return f"{low}{plus} years"
    return f"{low}{EN_DASH}{high}{plus} years"
