"""Pages of the buurtbegroting: :mod:`.public` for residents, :mod:`.staff` for the area team."""
