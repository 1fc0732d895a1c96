import pytest


@pytest.fixture(autouse=True)
def _empty_page_cache(empty_page_cache):
    """Every test here starts and ends with an empty page cache."""
