"""The Qt-free data layer: models, opening a database, the hero repository.

Nothing below this package imports Qt, so a script, a test or another front
end can use it unchanged.
"""
