from hypothesis import given
from hypothesis import strategies as st

from flipbench.mutators.sampling import quartile, select

ITEMS = st.lists(st.text(min_size=1, max_size=5), min_size=0, max_size=40, unique=True)


@given(ITEMS, st.integers(), st.integers(min_value=0, max_value=45))
def test_selection_is_a_subset_in_original_order(items, seed, limit):
    chosen = select(items, seed=seed, limit=limit, key=str)
    assert len(chosen) == min(limit, len(items))
    assert chosen == [item for item in items if item in set(chosen)]


@given(ITEMS, st.integers(), st.integers(min_value=0, max_value=40))
def test_selections_are_nested(items, seed, limit):
    smaller = set(select(items, seed=seed, limit=limit, key=str))
    larger = set(select(items, seed=seed, limit=limit + 1, key=str))
    assert smaller <= larger


@given(ITEMS, st.integers(), st.integers(min_value=0, max_value=40))
def test_stratified_selections_are_nested_and_balanced(items, seed, limit):
    stratum = len  # strings of length 1..5 as strata
    chosen = select(items, seed=seed, limit=limit, key=str, stratum=stratum)
    assert set(chosen) <= set(select(items, seed=seed, limit=limit + 1, key=str, stratum=stratum))
    counts = {s: sum(1 for item in chosen if stratum(item) == s) for s in {stratum(item) for item in items}}
    available = {s: sum(1 for item in items if stratum(item) == s) for s in counts}
    full = [s for s in counts if counts[s] < available[s]]
    if full:  # a stratum that still had items never got fewer than any other
        assert min(counts[s] for s in full) >= max(counts.values()) - 1


def test_selection_is_pinned_across_machines_and_releases():
    # a golden value: ranks come from SHA-256, not from the random module, so this never changes
    assert select(list("abcdefgh"), seed=7, limit=3, key=str) == ["a", "c", "d"]


def test_quartiles_follow_the_study_windows():
    assert [quartile(p) for p in (0.0, 24.99, 25.0, 50.0, 74.9, 75.0, 99.9)] == [1, 1, 2, 3, 3, 4, 4]
