"""The numerical core of wijksturing: plain Python, numpy, shapely and pyproj.

Aggregation up the area hierarchy (:mod:`.aggregation`), small-number protection
(:mod:`.suppression`), the liveability index (:mod:`.index`), trends (:mod:`.trends`), similar
wijken (:mod:`.similarity`) and point lookup (:mod:`.spatial`). Every function works on whole
numpy arrays (all areas, all indicators at once) with ``nan`` for missing values.

This package never imports Django (an import-linter contract enforces it): the ``monitor`` and
``areas`` apps load arrays from the database and call in here, which keeps the arithmetic fast,
testable without a database, and reusable outside the web application.
"""
