"""The PostgreSQL store (team mode): the second implementation of ``HeroStore``.

Only this package imports psycopg or writes PostgreSQL's SQL.
"""
