<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ErrorWords</name>
    <message>
        <source>Hero not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hero {id} cannot be brought back: another hero now has id {id}. Nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hero {id} was changed by another program since it was shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Nothing was changed; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is open read-only, so it cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full (or the database reached its size limit). Nothing was changed; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a SQLite database. The file was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). The file was left untouched; restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %Ln problem(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>...and %Ln more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameCacheWords</name>
    <message>
        <source>Preparing the names for fast search and name order: {percent}%…</source>
        <translation>Die Namen werden für schnelles Suchen und Sortieren nach Namen vorbereitet: {percent} %…</translation>
    </message>
    <message>
        <source>The names are ready: search and name order are fast now.</source>
        <translation>Die Namen sind bereit: Suchen und Sortieren nach Namen geht jetzt schnell.</translation>
    </message>
</context>
</TS>
