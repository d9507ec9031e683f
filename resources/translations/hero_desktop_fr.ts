<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddHeroDialogWords</name>
    <message>
        <source>Add Hero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. Deadpond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. Dive Wilson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, 0 to {max_age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this hero (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without adding (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{waiting} Press Esc to stop waiting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellPasteWords</name>
    <message>
        <source>Row {row}, {column}: {reason}. Nothing was pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name is required for a new hero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name is required for a new hero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copied cells are {width} columns wide, but only 1 column is shown from the current one. Nothing was pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The copied cells are {width} columns wide, but only %Ln column(s) are shown from the current one. Nothing was pasted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CellSelectionWords</name>
    <message numerus="yes">
        <source>All %Ln hero(es) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeRunnerWords</name>
    <message>
        <source>Kept the values another program wrote; your edit was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept the values another program wrote; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo skipped: the change before it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo skipped: the change before it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo would write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo would write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit would write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting would write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} would write:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Add {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Add {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Delete {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Delete {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo Delete %Ln Hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Redo Delete %Ln Hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Edit Name of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Edit Name of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Edit Age of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Edit Age of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Edit Secret Name of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Edit Secret Name of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo Fill %Ln Cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Redo Fill %Ln Cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Cell(s)</source>
        <comment>Undo/Redo Paste … and …</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln New Hero(es)</source>
        <comment>Undo/Redo Paste … and …</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo Paste {cells} and {new_heroes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo Paste {cells} and {new_heroes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo Paste %Ln New Hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Redo Paste %Ln New Hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo Paste %Ln Cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Redo Paste %Ln Cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnLayoutWords</name>
    <message>
        <source>&amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialogWords</name>
    <message>
        <source>Prefer TLS (use it when the server offers it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require TLS and verify the server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow TLS (only when the server insists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require TLS and verify the certificate&apos;s authority only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name, an IP address or a socket folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. heroes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your login name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to use ~/.pgpass or PGPASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the database on this server (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the connection is encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of a database to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyCellsWords</name>
    <message>
        <source>A copy is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying heroes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln hero(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvIoWords</name>
    <message>
        <source>Cannot write to {folder}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heroes cannot be imported into this database: its hero table also requires {columns}, which Hero Desktop does not know how to fill. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Expected %Ln value(s), found {found}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReadingWords</name>
    <message numerus="yes">
        <source>The column(s) {columns} will be ignored.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{file} is empty: it needs a header line naming the columns name, age and secret_name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header line is malformed CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not UTF-8 or UTF-16 text (byte {byte} at line {line}); save it as UTF-8 CSV and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is not UTF-8 or UTF-16 text (a broken UTF-16 character at line {line}); save it as UTF-8 CSV and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV is malformed ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The header has no {columns} column(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Column {columns} appears more than once</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{problems}. The first line must name the columns name, age and secret_name (as in name,age,secret_name or Name;Secret name;Age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name, column {number})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvTransferWords</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>An import or export is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ignored} Import?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported from {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln hero(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln hero(es).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataWorkerWords</name>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteHeroesDialogWords</name>
    <message>
        <source>Delete this hero?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete these %Ln heroes?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>• {name} (id {id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Heroes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Hero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the heroes listed (Enter); Ctrl+Z undoes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoWords</name>
    <message numerus="yes">
        <source>{path} already holds %Ln hero(es); nothing was changed (use --force to replace them).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Make a Hero Desktop database of generated heroes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file (created if missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many heroes (default 1000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random seed (default 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace the heroes of a file that has some</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--count must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Made %Ln hero(es) in {path} (seed {seed}) in {seconds} s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
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
    <name>GoToHeroDialogWords</name>
    <message>
        <source>Go to Hero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number in a hero&apos;s ID column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hero &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this hero (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeroEditingWords</name>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Your edit is back in the cell: press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>a field without a value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} is now {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Another program had changed {name} meanwhile: {changes}. Both changes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Only the %Ln hero(es) on this page will be deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %Ln hero(es) of the view will be kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeroTableModelWords</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <comment>a secret name not shown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden: View → Show Secret Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heroes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches: none on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heroes: none on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches {first}–{last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heroes {first}–{last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeroTableViewWords</name>
    <message>
        <source>Heroes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One page of heroes: Enter or F2 edits a cell, Ctrl+N adds a hero, F1 lists the keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeroesWords</name>
    <message>
        <source>Heroes cannot be added to this database: its hero table also requires {columns}, which Hero Desktop does not know how to fill. Viewing, editing and deleting still work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndexOfferBarWords</name>
    <message>
        <source>Add Index (Alt+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the name index now, in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the name index now, in the background (Alt+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Now (Alt+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the file as it is; search and sort still work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the file as it is; search and sort still work (Alt+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name index build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop building the name index; the file stays as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the name index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{offer} Alt+A adds the index, Alt+N: not now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the name index…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Building the name index: {done} of %Ln hero(es)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The name index is ready: search and name order are instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name index was not added: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationWords</name>
    <message>
        <source>The port {port} is not a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS mode (sslmode) {mode} is not one of: {modes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} on the local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} on the local server (port {port})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} on {host} (port {port})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} on {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database file or server address was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host {host} in the server address is not a valid IPv6 address in brackets, as in [::1]:5432.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host {host} in the server address looks like an IPv6 address: put it in brackets, as in [::1]:5432.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting {setting} in the server address has no value (settings are written keyword=value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address holds a secret ({setting}) that Hero Desktop does not keep with an address; leave it out (a service in pg_service.conf can hold it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting {setting} has its own place in a server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address has a setting PostgreSQL does not know: {setting}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port {port} in the server address is not a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name in the server address has a stray % (write %25 for %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name in the server address is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name in the server address holds a NUL character (%00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password in the server address has a stray % (write %25 for %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password in the server address is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password in the server address holds a NUL character (%00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host in the server address has a stray % (write %25 for %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host in the server address is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host in the server address holds a NUL character (%00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database name in the server address has a stray % (write %25 for %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database name in the server address is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database name in the server address holds a NUL character (%00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting name in the server address has a stray % (write %25 for %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting name in the server address is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting name in the server address holds a NUL character (%00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting value in the server address has a stray % (write %25 for %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting value in the server address is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting value in the server address holds a NUL character (%00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address names several hosts ({hosts}); Hero Desktop connects to one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address for the local server names no database. Add one after the host, as in postgresql://host/heroes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address for {host} names no database. Add one after the host, as in postgresql://host/heroes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address for the local server names no database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address for the local server port {port} names no database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address for {host} names no database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address for {host} port {port} names no database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindowWords</name>
    <message>
        <source>{database} — Hero Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No heroes in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heroes yet. Press Ctrl+N to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is damaged ({problem}). It is open read-only so that nothing makes it worse; restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Hero Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hero Desktop {version}

A keyboard-first roster of heroes.
Database: {database}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Heroes from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Heroes to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Hero Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Hero Database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWords</name>
    <message>
        <source>Hero Desktop needs a graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>installed {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBarWords</name>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsWords</name>
    <message>
        <source>Name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Name must be at most %Ln character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Secret name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Secret name must be at most %Ln character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Age must be between {minimum} and {maximum}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationsWords</name>
    <message>
        <source>Add {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Name of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Age of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Secret Name of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Fill %Ln Cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Paste {cells} and {new_heroes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln Cell(s)</source>
        <comment>Paste … and …</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln New Hero(es)</source>
        <comment>Paste … and …</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln New Hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln Cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln Hero(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import cannot be undone: its heroes did not get ids in one range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagerBarWords</name>
    <message>
        <source>First page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number: type one and press Enter ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a page number and press Enter ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many heroes a page shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <comment>before the page number field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of {pages}</source>
        <comment>after the page number field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {pages}: type a page number and press Enter ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasteCellsWords</name>
    <message>
        <source>Choose the cell to paste into first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add New Heroes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The paste reaches past the last hero. Add its last %Ln row(s) as new heroes?

Cancel pastes nothing.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copied cells name columns but hold no heroes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a value in a cell (F2), then press Ctrl+Enter to put it in every selected cell of its column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell and the cells below it: Fill Down copies the top one into the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}. Nothing was pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{change}. The ID column is never written: %Ln copied value(s) left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no cells to paste.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresAccessWords</name>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresErrorWords</name>
    <message>
        <source>The connection to {server} was lost, so nothing was changed. Hero Desktop reconnects by itself; try again when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} asks for a password for your user, and none was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} asks for a password for {user}, and none was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} refused the password for {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} refused the password for your user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no database named {database}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no user named {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no user named your user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} does not offer TLS, and the connection asks for it (TLS mode {mode}). Choose another TLS mode or enable TLS on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} only accepts TLS connections from here. Choose the TLS mode “require” (or stronger) and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} does not accept connections from {user} here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} does not accept connections from your user here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} may not connect to {database} on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user may not connect to {database} on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS certificate of {server} could not be verified ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the PostgreSQL server for {server}. Check that it is running and that the host and port are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to {server}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} reported an error: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no detail</source>
        <comment>in place of a server&apos;s message</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresMaintenanceWords</name>
    <message>
        <source>{database} has no hero table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the rest of the new heroes are keyed later; search scans meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the name index was not added; the database is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresOpeningWords</name>
    <message>
        <source>{database} has no hero table, and it is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The hero table in {database} has no {columns} column(s), so Hero Desktop cannot use it. It was left untouched.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The hero table in {database} cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} has no hero table, and your role may not create one. Ask the database&apos;s owner to open it once with Hero Desktop (or the tutorial&apos;s app).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} has no hero table, and {user} may not create one. Ask the database&apos;s owner to open it once with Hero Desktop (or the tutorial&apos;s app).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresStoreWords</name>
    <message>
        <source>Connection to {server} lost — reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to {server} was lost while saving, and Hero Desktop cannot tell yet whether the change was saved. The roster will show what the server holds once it is back; check the change then.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptsWords</name>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hero Changed Elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program changed hero {id} since it was shown here.

It now reads:
{theirs}

{action}
{mine}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes Not Written Yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Another program is still writing {database}. Quit without the %Ln change(s) waiting for it to finish?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not written if you quit now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowsWords</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBarWords</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Search names (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the heroes whose name contains what you type (Ctrl+F; Esc clears)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <comment>the lowest age searched for</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heroes aged from this, {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <comment>the highest age searched for</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heroes aged to this, {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the heroes without an age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <comment>before the age range fields</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heroes match: the age &quot;from&quot; ({low}) is above &quot;to&quot; ({high}). Swap them, or press Esc to clear the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heroes match this search. Press Esc to clear it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialogWords</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each action of the menus, with its keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action}: {keys}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteConnectionsWords</name>
    <message>
        <source>Could not open {path}. Its changes are in {wal}, which can only be read from a copy, and the copy failed: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteDatabaseWords</name>
    <message>
        <source>Could not open {path}. The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} has no hero table, and it is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteErrorWords</name>
    <message>
        <source>Could not open {path}. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged (database disk image is malformed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an input/output error. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change ({detail}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite could not open the file or the -wal and -shm files it keeps beside it ({detail}): check that the file and its folder can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteFilesWords</name>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The hero table in {path} has no {columns} column(s), so Hero Desktop cannot use it. The file was left untouched.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqliteNameIndexWords</name>
    <message>
        <source>Cancelled: the name index was not added; the file is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusAreaWords</name>
    <message>
        <source>Waiting for another program to finish writing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the name index to finish building…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up the change that waits (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{waiting} Esc stops waiting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSentencesWords</name>
    <message>
        <source>Hero Desktop can add a name index (a table, an FTS index and three triggers that only use SQLite built-ins) and switch the file to WAL mode, so that search and name order are instant. The tutorial&apos;s app keeps working with the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hero Desktop can add a name index (two tables, an index on age, and triggers on the hero table) so that search and name order are instant and every open window sees other people&apos;s changes at once. The tutorial&apos;s app keeps working with the database; nothing in the hero table changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: {name} was opened read-only on request (--read-only), so editing is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: {name} is open read-only: your role may only read heroes here. Other people&apos;s changes show within about two seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: {name} has no Hero Desktop trigger, so other people&apos;s changes show within about two seconds (by asking the server) instead of at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: {name} is open read-only: your role may only read heroes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: this database cannot be written, so editing is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is open read-only: your role may only read heroes here. Other people&apos;s changes show within about two seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no Hero Desktop trigger, so other people&apos;s changes show within about two seconds (by asking the server) instead of at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is open read-only: your role may only read heroes here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableNavigatorWords</name>
    <message>
        <source>A hero id is a whole number, such as 42.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewCellsWords</name>
    <message>
        <source>Copy cancelled: the clipboard is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewFillingWords</name>
    <message>
        <source>A fill is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasting cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling cells</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActionsWords</name>
    <message>
        <source>&amp;New Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Hero…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Heroes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste as &amp;New Heroes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ill Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy with &amp;Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Select All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select R&amp;ows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select Colu&amp;mns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Hero…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page N&amp;umber…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Secret Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by &amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by &amp;Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Column &amp;Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Column &amp;Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Hero Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort &amp;By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit cell: commit / cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or Tab / Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a rectangle of cells / add a cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+arrows / Ctrl+click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search, back to where you were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc (in the search box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number field: go to the page / leave it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter / Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting for another program&apos;s lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc (while it waits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns menu (show, hide, move, reset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{keys} (in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowManagerWords</name>
    <message>
        <source>Could not open {database}. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Showing your default database instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Reach Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}

The details were written to the log file in the app data folder. Your confirmed changes are saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
