"""A tqdm progress bar as a ``progress(fraction)`` callback for the services."""

from contextlib import contextmanager

from tqdm import tqdm


@contextmanager
def progress_bar(description: str, *, enabled: bool = True):
    bar = tqdm(total=1000, desc=description, unit="‰", disable=not enabled, leave=False,
               bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}")

    def update(fraction: float) -> None:
        bar.update(max(0, round(fraction * 1000) - bar.n))

    try:
        yield update
    finally:
        bar.close()
