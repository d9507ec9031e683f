<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddHeroDialogWords</name>
    <message>
        <source>Add Hero</source>
        <translation>Held hinzufügen</translation>
    </message>
    <message>
        <source>Required, e.g. Deadpond</source>
        <translation>Pflichtfeld, z. B. Deadpond</translation>
    </message>
    <message>
        <source>Required, e.g. Dive Wilson</source>
        <translation>Pflichtfeld, z. B. Dive Wilson</translation>
    </message>
    <message>
        <source>Optional, 0 to {max_age}</source>
        <translation>Optional, 0 bis {max_age}</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Secret name:</source>
        <translation>&amp;Geheimname:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>&amp;Alter:</translation>
    </message>
    <message>
        <source>Add this hero (Enter)</source>
        <translation>Diesen Helden hinzufügen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Close without adding (Esc)</source>
        <translation>Schließen, ohne hinzuzufügen (Esc)</translation>
    </message>
    <message>
        <source>{waiting} Press Esc to stop waiting.</source>
        <translation>{waiting} Drücken Sie Esc, um nicht länger zu warten.</translation>
    </message>
</context>
<context>
    <name>CellPasteWords</name>
    <message>
        <source>Row {row}, {column}: {reason}. Nothing was pasted.</source>
        <translation>Zeile {row}, {column}: {reason}. Es wurde nichts eingefügt.</translation>
    </message>
    <message>
        <source>Name is required for a new hero</source>
        <translation>Für einen neuen Helden ist ein Name erforderlich</translation>
    </message>
    <message>
        <source>Secret name is required for a new hero</source>
        <translation>Für einen neuen Helden ist ein Geheimname erforderlich</translation>
    </message>
    <message>
        <source>The copied cells are {width} columns wide, but only 1 column is shown from the current one. Nothing was pasted.</source>
        <translation>Die kopierten Zellen sind {width} Spalten breit, ab der aktuellen Spalte wird aber nur 1 Spalte angezeigt. Es wurde nichts eingefügt.</translation>
    </message>
    <message numerus="yes">
        <source>The copied cells are {width} columns wide, but only %Ln column(s) are shown from the current one. Nothing was pasted.</source>
        <translation>
            <numerusform>Die kopierten Zellen sind {width} Spalten breit, ab der aktuellen Spalte wird aber nur %Ln Spalte angezeigt. Es wurde nichts eingefügt.</numerusform>
            <numerusform>Die kopierten Zellen sind {width} Spalten breit, ab der aktuellen Spalte werden aber nur %Ln Spalten angezeigt. Es wurde nichts eingefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CellSelectionWords</name>
    <message>
        <source>All heroes of the search selected (about {count})</source>
        <translation>Alle Helden der Suche ausgewählt (etwa {count})</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln hero(es) selected</source>
        <translation>
            <numerusform>%Ln Held ausgewählt (alle)</numerusform>
            <numerusform>Alle %Ln Helden ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation>
            <numerusform>%Ln Zeile ausgewählt</numerusform>
            <numerusform>%Ln Zeilen ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) selected</source>
        <translation>
            <numerusform>%Ln Spalte ausgewählt</numerusform>
            <numerusform>%Ln Spalten ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) selected</source>
        <translation>
            <numerusform>%Ln Zelle ausgewählt</numerusform>
            <numerusform>%Ln Zellen ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeRunnerWords</name>
    <message>
        <source>Kept the values another program wrote; your edit was not saved.</source>
        <translation>Die Werte des anderen Programms wurden beibehalten; Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Kept the values another program wrote; nothing was changed.</source>
        <translation>Die Werte des anderen Programms wurden beibehalten; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Undone: {change}.</source>
        <translation>Rückgängig gemacht: {change}.</translation>
    </message>
    <message>
        <source>Redone: {change}.</source>
        <translation>Wiederholt: {change}.</translation>
    </message>
    <message>
        <source>Done: {change}.</source>
        <translation>Erledigt: {change}.</translation>
    </message>
    <message>
        <source>Undo skipped: the change before it was not saved.</source>
        <translation>Rückgängig übersprungen: Die vorherige Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Redo skipped: the change before it was not saved.</source>
        <translation>Wiederholen übersprungen: Die vorherige Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Undo would write:</source>
        <translation>Rückgängig machen würde Folgendes schreiben:</translation>
    </message>
    <message>
        <source>Redo would write:</source>
        <translation>Wiederholen würde Folgendes schreiben:</translation>
    </message>
    <message>
        <source>Your edit would write:</source>
        <translation>Ihre Änderung würde Folgendes schreiben:</translation>
    </message>
    <message>
        <source>Deleting would write:</source>
        <translation>Löschen würde Folgendes schreiben:</translation>
    </message>
    <message>
        <source>{change} would write:</source>
        <translation>„{change}“ würde Folgendes schreiben:</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Rückgängig: {change}</translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation>&amp;Wiederholen: {change}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
</context>
<context>
    <name>ColumnLayoutWords</name>
    <message>
        <source>&amp;ID</source>
        <translation>&amp;ID</translation>
    </message>
    <message>
        <source>&amp;Age</source>
        <translation>&amp;Alter</translation>
    </message>
    <message>
        <source>&amp;Secret name</source>
        <translation>&amp;Geheimname</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>S&amp;palten</translation>
    </message>
</context>
<context>
    <name>ConnectDialogWords</name>
    <message>
        <source>Prefer TLS (use it when the server offers it)</source>
        <translation>TLS bevorzugen (verwenden, wenn der Server es anbietet)</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>TLS verlangen</translation>
    </message>
    <message>
        <source>Require TLS and verify the server&apos;s certificate</source>
        <translation>TLS verlangen und das Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Kein TLS</translation>
    </message>
    <message>
        <source>Allow TLS (only when the server insists)</source>
        <translation>TLS erlauben (nur wenn der Server darauf besteht)</translation>
    </message>
    <message>
        <source>Require TLS and verify the certificate&apos;s authority only</source>
        <translation>TLS verlangen und nur die Zertifizierungsstelle des Zertifikats prüfen</translation>
    </message>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>A name, an IP address or a socket folder</source>
        <translation>Ein Name, eine IP-Adresse oder ein Socket-Ordner</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Required, e.g. heroes</source>
        <translation>Erforderlich, z. B. heroes</translation>
    </message>
    <message>
        <source>Your login name</source>
        <translation>Ihr Anmeldename</translation>
    </message>
    <message>
        <source>Leave empty to use ~/.pgpass or PGPASSWORD</source>
        <translation>Leer lassen, um ~/.pgpass oder PGPASSWORD zu verwenden</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Open the database on this server (Enter)</source>
        <translation>Die Datenbank auf diesem Server öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Whether the connection is encrypted</source>
        <translation>Legt fest, ob die Verbindung verschlüsselt wird</translation>
    </message>
    <message>
        <source>Enter the name of a database to open.</source>
        <translation>Geben Sie den Namen der zu öffnenden Datenbank ein.</translation>
    </message>
</context>
<context>
    <name>CopyCellsWords</name>
    <message>
        <source>A copy is already running.</source>
        <translation>Es läuft bereits ein Kopiervorgang.</translation>
    </message>
    <message>
        <source>Copying heroes</source>
        <translation>Helden werden kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln hero(es).</source>
        <translation>
            <numerusform>%Ln Held kopiert.</numerusform>
            <numerusform>%Ln Helden kopiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvIoWords</name>
    <message>
        <source>Cannot write to {folder}: {reason}.</source>
        <translation>In {folder} kann nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>{path} kann nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Heroes cannot be imported into this database: its hero table also requires {columns}, which Hero Desktop does not know how to fill. Nothing was imported.</source>
        <translation>In diese Datenbank können keine Helden importiert werden: Ihre Tabelle hero verlangt außerdem Werte für {columns}, die Hero Desktop nicht ausfüllen kann. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>Expected %Ln value(s), found {found}</source>
        <translation>
            <numerusform>%Ln Wert erwartet, {found} gefunden</numerusform>
            <numerusform>%Ln Werte erwartet, {found} gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import abgebrochen; es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>CsvReadingWords</name>
    <message numerus="yes">
        <source>The column(s) {columns} will be ignored.</source>
        <translation>
            <numerusform>Die Spalte {columns} wird ignoriert.</numerusform>
            <numerusform>Die Spalten {columns} werden ignoriert.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} is empty: it needs a header line naming the columns name, age and secret_name.</source>
        <translation>{file} ist leer: Die Datei braucht eine Kopfzeile, die die Spalten name, age und secret_name benennt.</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}.</source>
        <translation>{file} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The header line is malformed CSV</source>
        <translation>Die Kopfzeile ist kein gültiges CSV</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 or UTF-16 text (byte {byte} at line {line}); save it as UTF-8 CSV and try again.</source>
        <translation>{file} ist kein UTF-8- oder UTF-16-Text (Byte {byte} in Zeile {line}); speichern Sie die Datei als UTF-8-CSV und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 or UTF-16 text (a broken UTF-16 character at line {line}); save it as UTF-8 CSV and try again.</source>
        <translation>{file} ist kein UTF-8- oder UTF-16-Text (ein fehlerhaftes UTF-16-Zeichen in Zeile {line}); speichern Sie die Datei als UTF-8-CSV und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The CSV is malformed ({detail})</source>
        <translation>Die CSV-Daten sind fehlerhaft ({detail})</translation>
    </message>
    <message numerus="yes">
        <source>The header has no {columns} column(s)</source>
        <translation>
            <numerusform>Der Kopfzeile fehlt die Spalte {columns}</numerusform>
            <numerusform>Der Kopfzeile fehlen die Spalten {columns}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Column {columns} appears more than once</source>
        <translation>
            <numerusform>Die Spalte {columns} kommt mehrfach vor</numerusform>
            <numerusform>Die Spalten {columns} kommen mehrfach vor</numerusform>
        </translation>
    </message>
    <message>
        <source>{problems}. The first line must name the columns name, age and secret_name (as in name,age,secret_name or Name;Secret name;Age)</source>
        <translation>{problems}. Die erste Zeile muss die Spalten name, age und secret_name benennen (etwa name,age,secret_name oder Name;Secret name;Age)</translation>
    </message>
    <message>
        <source>(no name, column {number})</source>
        <translation>(ohne Namen, Spalte {number})</translation>
    </message>
</context>
<context>
    <name>CsvTransferWords</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln hero(es)</source>
        <translation>
            <numerusform>{done} von %Ln Held</numerusform>
            <numerusform>{done} von %Ln Helden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hero(es)</source>
        <translation>
            <numerusform>%Ln Held</numerusform>
            <numerusform>%Ln Helden</numerusform>
        </translation>
    </message>
    <message>
        <source>An import or export is already running.</source>
        <translation>Es läuft bereits ein Import oder Export.</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>{ignored} Import?</source>
        <translation>{ignored} Importieren?</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported from {file}.</source>
        <translation>Abgebrochen: Aus {file} wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>{file} wird importiert</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln hero(es).</source>
        <translation>
            <numerusform>%Ln Held importiert.</numerusform>
            <numerusform>%Ln Helden importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to {file}</source>
        <translation>Export nach {file}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln hero(es).</source>
        <translation>
            <numerusform>%Ln Held exportiert.</numerusform>
            <numerusform>%Ln Helden exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Import Refused</source>
        <translation>Import abgelehnt</translation>
    </message>
</context>
<context>
    <name>DataWorkerWords</name>
    <message>
        <source>The database is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>DeleteHeroesDialogWords</name>
    <message>
        <source>Delete this hero?</source>
        <translation>Diesen Helden löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %Ln heroes?</source>
        <translation>
            <numerusform>Diesen %Ln Helden löschen?</numerusform>
            <numerusform>Diese %Ln Helden löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>• {name} (ID {id})</source>
        <translation>• {name} (ID {id})</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…und %Ln weiterer</numerusform>
            <numerusform>…und %Ln weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Sie können dies mit Strg+Z rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete Heroes</source>
        <translation>Helden löschen</translation>
    </message>
    <message>
        <source>Delete Hero</source>
        <translation>Held löschen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the heroes listed (Enter); Ctrl+Z undoes it</source>
        <translation>Die aufgeführten Helden löschen (Eingabetaste); Strg+Z macht es rückgängig</translation>
    </message>
    <message>
        <source>Keep them (Esc)</source>
        <translation>Behalten (Esc)</translation>
    </message>
</context>
<context>
    <name>DemoWords</name>
    <message numerus="yes">
        <source>{path} already holds %Ln hero(es); nothing was changed (use --force to replace them).</source>
        <translation>
            <numerusform>{path} enthält bereits %Ln Helden; es wurde nichts geändert (zum Ersetzen --force verwenden).</numerusform>
            <numerusform>{path} enthält bereits %Ln Helden; es wurde nichts geändert (zum Ersetzen --force verwenden).</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a Hero Desktop database of generated heroes.</source>
        <translation>Eine Datenbank für Hero Desktop mit erzeugten Helden anlegen.</translation>
    </message>
    <message>
        <source>the database file (created if missing)</source>
        <translation>die Datenbankdatei (wird angelegt, falls sie fehlt)</translation>
    </message>
    <message>
        <source>how many heroes (default 1000)</source>
        <translation>wie viele Helden (Standard: 1000)</translation>
    </message>
    <message>
        <source>random seed (default 0)</source>
        <translation>Zufallsstartwert (Standard: 0)</translation>
    </message>
    <message>
        <source>replace the heroes of a file that has some</source>
        <translation>die Helden einer Datei ersetzen, die bereits welche enthält</translation>
    </message>
    <message>
        <source>--count must not be negative</source>
        <translation>--count darf nicht negativ sein</translation>
    </message>
    <message numerus="yes">
        <source>Made %Ln hero(es) in {path} (seed {seed}) in {seconds} s.</source>
        <translation>
            <numerusform>%Ln Held in {seconds} s in {path} erzeugt (Startwert {seed}).</numerusform>
            <numerusform>%Ln Helden in {seconds} s in {path} erzeugt (Startwert {seed}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>Hero not found</source>
        <translation>Held nicht gefunden</translation>
    </message>
    <message>
        <source>Hero {id} cannot be brought back: another hero now has id {id}. Nothing was overwritten.</source>
        <translation>Held {id} kann nicht wiederhergestellt werden: Ein anderer Held hat jetzt die ID {id}. Es wurde nichts überschrieben.</translation>
    </message>
    <message>
        <source>Hero {id} was changed by another program since it was shown.</source>
        <translation>Held {id} wurde seit der Anzeige von einem anderen Programm geändert.</translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Nothing was changed; try again in a moment.</source>
        <translation>Die Datenbank ist belegt: Ein anderes Programm schreibt gerade in die Datenbank. Es wurde nichts geändert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This database is open read-only, so it cannot be changed.</source>
        <translation>Diese Datenbank ist schreibgeschützt geöffnet und kann daher nicht geändert werden.</translation>
    </message>
    <message>
        <source>The disk is full (or the database reached its size limit). Nothing was changed; free some space and try again.</source>
        <translation>Der Datenträger ist voll (oder die Datenbank hat ihre Größenbegrenzung erreicht). Es wurde nichts geändert; geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{path} is not a SQLite database. The file was left untouched.</source>
        <translation>{path} ist keine SQLite-Datenbank. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). The file was left untouched; restore it from a backup.</source>
        <translation>{path} ist beschädigt ({detail}). Die Datei wurde nicht verändert; stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %Ln problem(s).</source>
        <translation>
            <numerusform>Es wurde nichts importiert: Die Datei enthält %Ln Problem.</numerusform>
            <numerusform>Es wurde nichts importiert: Die Datei enthält %Ln Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>Zeile {line}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more problem(s).</source>
        <translation>
            <numerusform>… und %Ln weiteres Problem.</numerusform>
            <numerusform>… und %Ln weitere Probleme.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsWords</name>
    <message>
        <source>Name is required</source>
        <translation>Ein Name ist erforderlich</translation>
    </message>
    <message>
        <source>Name must be text</source>
        <translation>Der Name muss Text sein</translation>
    </message>
    <message>
        <source>Name must not contain control characters or line breaks</source>
        <translation>Der Name darf keine Steuerzeichen oder Zeilenumbrüche enthalten</translation>
    </message>
    <message numerus="yes">
        <source>Name must be at most %Ln character(s)</source>
        <translation>
            <numerusform>Der Name darf höchstens %Ln Zeichen lang sein</numerusform>
            <numerusform>Der Name darf höchstens %Ln Zeichen lang sein</numerusform>
        </translation>
    </message>
    <message>
        <source>Secret name is required</source>
        <translation>Ein Geheimname ist erforderlich</translation>
    </message>
    <message>
        <source>Secret name must be text</source>
        <translation>Der Geheimname muss Text sein</translation>
    </message>
    <message>
        <source>Secret name must not contain control characters or line breaks</source>
        <translation>Der Geheimname darf keine Steuerzeichen oder Zeilenumbrüche enthalten</translation>
    </message>
    <message numerus="yes">
        <source>Secret name must be at most %Ln character(s)</source>
        <translation>
            <numerusform>Der Geheimname darf höchstens %Ln Zeichen lang sein</numerusform>
            <numerusform>Der Geheimname darf höchstens %Ln Zeichen lang sein</numerusform>
        </translation>
    </message>
    <message>
        <source>Age must be between {minimum} and {maximum}</source>
        <translation>Das Alter muss zwischen {minimum} und {maximum} liegen</translation>
    </message>
    <message>
        <source>Age must be a whole number</source>
        <translation>Das Alter muss eine ganze Zahl sein</translation>
    </message>
</context>
<context>
    <name>GoToHeroDialogWords</name>
    <message>
        <source>Go to Hero</source>
        <translation>Zu Held springen</translation>
    </message>
    <message>
        <source>e.g. 42</source>
        <translation>z. B. 42</translation>
    </message>
    <message>
        <source>The number in a hero&apos;s ID column</source>
        <translation>Die Zahl in der ID-Spalte eines Helden</translation>
    </message>
    <message>
        <source>Hero &amp;ID:</source>
        <translation>Helden-&amp;ID:</translation>
    </message>
    <message>
        <source>Show this hero (Enter)</source>
        <translation>Diesen Helden anzeigen (Eingabetaste)</translation>
    </message>
</context>
<context>
    <name>HeroEditingWords</name>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>{reason} Your edit is back in the cell: press Enter.</source>
        <translation>{reason} Ihre Eingabe steht wieder in der Zelle: Drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>a field without a value</comment>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>{field} is now {value}</source>
        <translation>{field} ist jetzt {value}</translation>
    </message>
    <message>
        <source>Saved. Another program had changed {name} meanwhile: {changes}. Both changes are kept.</source>
        <translation>Gespeichert. Ein anderes Programm hatte {name} inzwischen geändert: {changes}. Beide Änderungen bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Only the %Ln hero(es) on this page will be deleted.</source>
        <translation>
            <numerusform>Nur der %Ln Held auf dieser Seite wird gelöscht.</numerusform>
            <numerusform>Nur die %Ln Helden auf dieser Seite werden gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %Ln hero(es) of the view will be kept.</source>
        <translation>
            <numerusform>Der übrige %Ln Held der Ansicht bleibt erhalten.</numerusform>
            <numerusform>Die übrigen %Ln Helden der Ansicht bleiben erhalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeroTableModelWords</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Geheimname</translation>
    </message>
    <message>
        <source>hidden</source>
        <comment>a secret name not shown</comment>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>Hidden: View → Show Secret Names</source>
        <translation>Verborgen: Ansicht → Geheimnamen anzeigen</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>No heroes</source>
        <translation>Keine Helden</translation>
    </message>
    <message>
        <source>Matches: none on this page</source>
        <translation>Treffer: keine auf dieser Seite</translation>
    </message>
    <message>
        <source>Heroes: none on this page</source>
        <translation>Helden: keine auf dieser Seite</translation>
    </message>
    <message>
        <source>Matches {first}–{last} of about {total}</source>
        <translation>Treffer {first}–{last} von etwa {total}</translation>
    </message>
    <message>
        <source>Matches {first}–{last} of {total}</source>
        <translation>Treffer {first}–{last} von {total}</translation>
    </message>
    <message>
        <source>Heroes {first}–{last} of {total}</source>
        <translation>Helden {first}–{last} von {total}</translation>
    </message>
</context>
<context>
    <name>HeroTableViewWords</name>
    <message>
        <source>Enter saves the value, Esc leaves it as it was</source>
        <translation>Die Eingabetaste speichert den Wert, Esc lässt ihn unverändert</translation>
    </message>
    <message>
        <source>Heroes</source>
        <translation>Helden</translation>
    </message>
    <message>
        <source>One page of heroes: Enter or F2 edits a cell, Ctrl+N adds a hero, F1 lists the keys</source>
        <translation>Eine Seite mit Helden: Eingabetaste oder F2 bearbeitet eine Zelle, Strg+N fügt einen Helden hinzu, F1 zeigt alle Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>HeroesWords</name>
    <message>
        <source>Heroes cannot be added to this database: its hero table also requires {columns}, which Hero Desktop does not know how to fill. Viewing, editing and deleting still work.</source>
        <translation>Zu dieser Datenbank können keine Helden hinzugefügt werden: Ihre Tabelle hero verlangt außerdem Werte für {columns}, die Hero Desktop nicht ausfüllen kann. Anzeigen, Bearbeiten und Löschen funktionieren weiterhin.</translation>
    </message>
</context>
<context>
    <name>IndexOfferBarWords</name>
    <message>
        <source>Add Index (Alt+A)</source>
        <translation>Index anlegen (Alt+A)</translation>
    </message>
    <message>
        <source>Add the name index now, in the background</source>
        <translation>Den Namensindex jetzt im Hintergrund anlegen</translation>
    </message>
    <message>
        <source>Add Index</source>
        <translation>Index anlegen</translation>
    </message>
    <message>
        <source>Add the name index now, in the background (Alt+A)</source>
        <translation>Den Namensindex jetzt im Hintergrund anlegen (Alt+A)</translation>
    </message>
    <message>
        <source>Not Now (Alt+N)</source>
        <translation>Jetzt nicht (Alt+N)</translation>
    </message>
    <message>
        <source>Keep the file as it is; search and sort still work</source>
        <translation>Die Datei unverändert lassen; Suchen und Sortieren funktionieren trotzdem</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Keep the file as it is; search and sort still work (Alt+N)</source>
        <translation>Die Datei unverändert lassen; Suchen und Sortieren funktionieren trotzdem (Alt+N)</translation>
    </message>
    <message>
        <source>Name index build</source>
        <translation>Aufbau des Namensindex</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop building the name index; the file stays as it was</source>
        <translation>Den Aufbau des Namensindex abbrechen; die Datei bleibt unverändert</translation>
    </message>
    <message>
        <source>Cancel the name index</source>
        <translation>Aufbau des Namensindex abbrechen</translation>
    </message>
    <message>
        <source>{offer} Alt+A adds the index, Alt+N: not now.</source>
        <translation>{offer} Alt+A legt den Index an, Alt+N: jetzt nicht.</translation>
    </message>
    <message>
        <source>Building the name index…</source>
        <translation>Namensindex wird aufgebaut…</translation>
    </message>
    <message>
        <source>Building the name index: sorting it…</source>
        <translation>Namensindex wird aufgebaut: wird sortiert…</translation>
    </message>
    <message numerus="yes">
        <source>Building the name index: {done} of %Ln hero(es)…</source>
        <translation>
            <numerusform>Namensindex wird aufgebaut: {done} von %Ln Held…</numerusform>
            <numerusform>Namensindex wird aufgebaut: {done} von %Ln Helden…</numerusform>
        </translation>
    </message>
    <message>
        <source>The name index is ready: search and name order are instant.</source>
        <translation>Der Namensindex ist fertig: Suche und Sortierung nach Namen erfolgen jetzt sofort.</translation>
    </message>
    <message>
        <source>The name index was not added: {problem}</source>
        <translation>Der Namensindex wurde nicht angelegt: {problem}</translation>
    </message>
</context>
<context>
    <name>LocationWords</name>
    <message>
        <source>The port {port} is not a number from 1 to 65535.</source>
        <translation>Der Port {port} ist keine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>The TLS mode (sslmode) {mode} is not one of: {modes}.</source>
        <translation>Der TLS-Modus (sslmode) {mode} ist nicht zulässig; möglich sind: {modes}.</translation>
    </message>
    <message>
        <source>{database} on the local server</source>
        <translation>{database} auf dem lokalen Server</translation>
    </message>
    <message>
        <source>{database} on the local server (port {port})</source>
        <translation>{database} auf dem lokalen Server (Port {port})</translation>
    </message>
    <message>
        <source>{database} on {host} (port {port})</source>
        <translation>{database} auf {host} (Port {port})</translation>
    </message>
    <message>
        <source>{database} on {host}</source>
        <translation>{database} auf {host}</translation>
    </message>
    <message>
        <source>No database file or server address was given.</source>
        <translation>Es wurde weder eine Datenbankdatei noch eine Serveradresse angegeben.</translation>
    </message>
    <message>
        <source>The host {host} in the server address is not a valid IPv6 address in brackets, as in [::1]:5432.</source>
        <translation>Der Host {host} in der Serveradresse ist keine gültige IPv6-Adresse in eckigen Klammern wie in [::1]:5432.</translation>
    </message>
    <message>
        <source>The host {host} in the server address looks like an IPv6 address: put it in brackets, as in [::1]:5432.</source>
        <translation>Der Host {host} in der Serveradresse sieht wie eine IPv6-Adresse aus: Setzen Sie ihn in eckige Klammern, wie in [::1]:5432.</translation>
    </message>
    <message>
        <source>The setting {setting} in the server address has no value (settings are written keyword=value).</source>
        <translation>Die Einstellung {setting} in der Serveradresse hat keinen Wert (Einstellungen werden als Schlüsselwort=Wert geschrieben).</translation>
    </message>
    <message>
        <source>The server address holds a secret ({setting}) that Hero Desktop does not keep with an address; leave it out (a service in pg_service.conf can hold it).</source>
        <translation>Die Serveradresse enthält einen geheimen Wert ({setting}), den Hero Desktop nicht zusammen mit einer Adresse speichert. Lassen Sie ihn weg (er kann in einem Dienst in pg_service.conf hinterlegt werden).</translation>
    </message>
    <message>
        <source>The setting {setting} has its own place in a server address.</source>
        <translation>Die Einstellung {setting} hat in einer Serveradresse ihren eigenen Platz und gehört nicht zu den weiteren Einstellungen.</translation>
    </message>
    <message>
        <source>The server address has a setting PostgreSQL does not know: {setting}.</source>
        <translation>Die Serveradresse enthält eine Einstellung, die PostgreSQL nicht kennt: {setting}.</translation>
    </message>
    <message>
        <source>The port {port} in the server address is not a number from 1 to 65535.</source>
        <translation>Der Port {port} in der Serveradresse ist keine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>The user name in the server address has a stray % (write %25 for %).</source>
        <translation>Der Benutzername in der Serveradresse enthält ein alleinstehendes % (schreiben Sie %25 für %).</translation>
    </message>
    <message>
        <source>The user name in the server address is not valid UTF-8.</source>
        <translation>Der Benutzername in der Serveradresse ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The user name in the server address holds a NUL character (%00).</source>
        <translation>Der Benutzername in der Serveradresse enthält ein NUL-Zeichen (%00).</translation>
    </message>
    <message>
        <source>The password in the server address has a stray % (write %25 for %).</source>
        <translation>Das Passwort in der Serveradresse enthält ein alleinstehendes % (schreiben Sie %25 für %).</translation>
    </message>
    <message>
        <source>The password in the server address is not valid UTF-8.</source>
        <translation>Das Passwort in der Serveradresse ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The password in the server address holds a NUL character (%00).</source>
        <translation>Das Passwort in der Serveradresse enthält ein NUL-Zeichen (%00).</translation>
    </message>
    <message>
        <source>The host in the server address has a stray % (write %25 for %).</source>
        <translation>Der Host in der Serveradresse enthält ein alleinstehendes % (schreiben Sie %25 für %).</translation>
    </message>
    <message>
        <source>The host in the server address is not valid UTF-8.</source>
        <translation>Der Host in der Serveradresse ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The host in the server address holds a NUL character (%00).</source>
        <translation>Der Host in der Serveradresse enthält ein NUL-Zeichen (%00).</translation>
    </message>
    <message>
        <source>The database name in the server address has a stray % (write %25 for %).</source>
        <translation>Der Datenbankname in der Serveradresse enthält ein alleinstehendes % (schreiben Sie %25 für %).</translation>
    </message>
    <message>
        <source>The database name in the server address is not valid UTF-8.</source>
        <translation>Der Datenbankname in der Serveradresse ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The database name in the server address holds a NUL character (%00).</source>
        <translation>Der Datenbankname in der Serveradresse enthält ein NUL-Zeichen (%00).</translation>
    </message>
    <message>
        <source>The setting name in the server address has a stray % (write %25 for %).</source>
        <translation>Der Name einer Einstellung in der Serveradresse enthält ein alleinstehendes % (schreiben Sie %25 für %).</translation>
    </message>
    <message>
        <source>The setting name in the server address is not valid UTF-8.</source>
        <translation>Der Name einer Einstellung in der Serveradresse ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The setting name in the server address holds a NUL character (%00).</source>
        <translation>Der Name einer Einstellung in der Serveradresse enthält ein NUL-Zeichen (%00).</translation>
    </message>
    <message>
        <source>The setting value in the server address has a stray % (write %25 for %).</source>
        <translation>Der Wert einer Einstellung in der Serveradresse enthält ein alleinstehendes % (schreiben Sie %25 für %).</translation>
    </message>
    <message>
        <source>The setting value in the server address is not valid UTF-8.</source>
        <translation>Der Wert einer Einstellung in der Serveradresse ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The setting value in the server address holds a NUL character (%00).</source>
        <translation>Der Wert einer Einstellung in der Serveradresse enthält ein NUL-Zeichen (%00).</translation>
    </message>
    <message>
        <source>The server address names several hosts ({hosts}); Hero Desktop connects to one.</source>
        <translation>Die Serveradresse nennt mehrere Hosts ({hosts}); Hero Desktop verbindet sich nur mit einem.</translation>
    </message>
    <message>
        <source>The server address for the local server names no database. Add one after the host, as in postgresql://host/heroes.</source>
        <translation>Die Serveradresse für den lokalen Server nennt keine Datenbank. Fügen Sie eine nach dem Host hinzu, wie in postgresql://host/heroes.</translation>
    </message>
    <message>
        <source>The server address for {host} names no database. Add one after the host, as in postgresql://host/heroes.</source>
        <translation>Die Serveradresse für {host} nennt keine Datenbank. Fügen Sie eine nach dem Host hinzu, wie in postgresql://host/heroes.</translation>
    </message>
    <message>
        <source>The server address for the local server names no database.</source>
        <translation>Die Serveradresse für den lokalen Server nennt keine Datenbank.</translation>
    </message>
    <message>
        <source>The server address for the local server port {port} names no database.</source>
        <translation>Die Serveradresse für den lokalen Server (Port {port}) nennt keine Datenbank.</translation>
    </message>
    <message>
        <source>The server address for {host} names no database.</source>
        <translation>Die Serveradresse für {host} nennt keine Datenbank.</translation>
    </message>
    <message>
        <source>The server address for {host} port {port} names no database.</source>
        <translation>Die Serveradresse für {host} (Port {port}) nennt keine Datenbank.</translation>
    </message>
</context>
<context>
    <name>MainWindowWords</name>
    <message>
        <source>{database} — Hero Desktop</source>
        <translation>{database} — Hero Desktop</translation>
    </message>
    <message numerus="yes">
        <source>About %Ln match(es)</source>
        <translation>
            <numerusform>Etwa %Ln Treffer</numerusform>
            <numerusform>Etwa %Ln Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>No heroes in this file.</source>
        <translation>Diese Datei enthält keine Helden.</translation>
    </message>
    <message>
        <source>No heroes yet. Press Ctrl+N to add one.</source>
        <translation>Noch keine Helden. Mit Strg+N fügen Sie einen hinzu.</translation>
    </message>
    <message>
        <source>{database} is damaged ({problem}). It is open read-only so that nothing makes it worse; restore it from a backup.</source>
        <translation>{database} ist beschädigt ({problem}). Die Datenbank ist schreibgeschützt geöffnet, damit der Schaden nicht größer wird; stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>About Hero Desktop</source>
        <translation>Über Hero Desktop</translation>
    </message>
    <message>
        <source>Hero Desktop {version}

A keyboard-first roster of heroes.
Database: {database}</source>
        <translation>Hero Desktop {version}

Eine Heldenliste, ganz für die Tastatur gemacht.
Datenbank: {database}</translation>
    </message>
    <message>
        <source>Import Heroes from CSV</source>
        <translation>Helden aus CSV importieren</translation>
    </message>
    <message>
        <source>Export Heroes to CSV</source>
        <translation>Helden als CSV exportieren</translation>
    </message>
    <message>
        <source>New Hero Database</source>
        <translation>Neue Heldendatenbank</translation>
    </message>
    <message>
        <source>Open Hero Database</source>
        <translation>Heldendatenbank öffnen</translation>
    </message>
</context>
<context>
    <name>MainWords</name>
    <message>
        <source>Hero Desktop needs a graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set.</source>
        <translation>Hero Desktop benötigt eine grafische Oberfläche: Weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt.</translation>
    </message>
    <message>
        <source>installed {path}</source>
        <translation>installiert: {path}</translation>
    </message>
</context>
<context>
    <name>MessageBarWords</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>{kind}: {message}</source>
        <translation>{kind}: {message}</translation>
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
<context>
    <name>NameKeysWords</name>
    <message>
        <source>The copy of the names in {folder} was damaged and has been removed: the next search makes it anew.</source>
        <translation>Die Kopie der Namen in {folder} war beschädigt und wurde entfernt: Die nächste Suche legt sie neu an.</translation>
    </message>
    <message>
        <source>Search and name order need a copy of the names in {folder}, which could not be made: {reason}</source>
        <translation>Suche und Sortierung nach Namen brauchen eine Kopie der Namen in {folder}, die nicht angelegt werden konnte: {reason}</translation>
    </message>
</context>
<context>
    <name>OperationsWords</name>
    <message>
        <source>Add {name}</source>
        <translation>{name} hinzufügen</translation>
    </message>
    <message>
        <source>Edit Name of {name}</source>
        <translation>Namen von {name} bearbeiten</translation>
    </message>
    <message>
        <source>Edit Age of {name}</source>
        <translation>Alter von {name} bearbeiten</translation>
    </message>
    <message>
        <source>Edit Secret Name of {name}</source>
        <translation>Geheimnamen von {name} bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>Fill %Ln Cell(s)</source>
        <translation>
            <numerusform>%Ln Zelle füllen</numerusform>
            <numerusform>%Ln Zellen füllen</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste {cells} and {new_heroes}</source>
        <translation>{cells} und {new_heroes} einfügen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln Cell(s)</source>
        <comment>Paste … and …</comment>
        <translation>
            <numerusform>%Ln Zelle</numerusform>
            <numerusform>%Ln Zellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln New Hero(es)</source>
        <comment>Paste … and …</comment>
        <translation>
            <numerusform>%Ln neuen Helden</numerusform>
            <numerusform>%Ln neue Helden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln New Hero(es)</source>
        <translation>
            <numerusform>%Ln neuen Helden einfügen</numerusform>
            <numerusform>%Ln neue Helden einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln Cell(s)</source>
        <translation>
            <numerusform>%Ln Zelle einfügen</numerusform>
            <numerusform>%Ln Zellen einfügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln Hero(es)</source>
        <translation>
            <numerusform>%Ln Helden löschen</numerusform>
            <numerusform>%Ln Helden löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>{file} importieren</translation>
    </message>
    <message>
        <source>This import cannot be undone: its heroes did not get ids in one range.</source>
        <translation>Dieser Import kann nicht rückgängig gemacht werden: Seine Helden haben keine IDs aus einem zusammenhängenden Bereich erhalten.</translation>
    </message>
    <message>
        <source>Paste cancelled: nothing was changed.</source>
        <translation>Einfügen abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Fill cancelled: nothing was changed.</source>
        <translation>Füllen abgebrochen: Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>PageCountWords</name>
    <message>
        <source>Matches {first}–{last}, still counting the total…</source>
        <translation>Treffer {first}–{last}, die Gesamtzahl wird noch gezählt…</translation>
    </message>
    <message>
        <source>Heroes {first}–{last}, still counting the total…</source>
        <translation>Helden {first}–{last}, die Gesamtzahl wird noch gezählt…</translation>
    </message>
    <message>
        <source>of …</source>
        <translation>von …</translation>
    </message>
    <message>
        <source>The number of pages is still being counted</source>
        <translation>Die Anzahl der Seiten wird noch gezählt</translation>
    </message>
    <message>
        <source>Page {page}; the number of pages is still being counted: type a page number and press Enter ({keys})</source>
        <translation>Seite {page}; die Anzahl der Seiten wird noch gezählt: Seitenzahl eingeben und Eingabetaste drücken ({keys})</translation>
    </message>
    <message>
        <source>Counting matches…</source>
        <translation>Treffer werden gezählt…</translation>
    </message>
    <message>
        <source>All heroes of the view selected (still counting them)</source>
        <translation>Alle Helden der Ansicht ausgewählt (sie werden noch gezählt)</translation>
    </message>
</context>
<context>
    <name>PagerBarWords</name>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <source>{name} ({keys})</source>
        <translation>{name} ({keys})</translation>
    </message>
    <message>
        <source>Keys: {keys}</source>
        <translation>Tasten: {keys}</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter ({keys})</source>
        <translation>Seitenzahl: eingeben und Eingabetaste drücken ({keys})</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>Type a page number and press Enter ({keys})</source>
        <translation>Seitenzahl eingeben und Eingabetaste drücken ({keys})</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>How many heroes a page shows</source>
        <translation>Wie viele Helden eine Seite anzeigt</translation>
    </message>
    <message>
        <source>{size} per page</source>
        <translation>{size} pro Seite</translation>
    </message>
    <message>
        <source>Page</source>
        <comment>before the page number field</comment>
        <translation>Seite</translation>
    </message>
    <message>
        <source>of about {pages}</source>
        <comment>after the page number field</comment>
        <translation>von etwa {pages}</translation>
    </message>
    <message>
        <source>Page {page} of about {pages}: type a page number and press Enter ({keys})</source>
        <translation>Seite {page} von etwa {pages}: Seitenzahl eingeben und Eingabetaste drücken ({keys})</translation>
    </message>
    <message>
        <source>of {pages}</source>
        <comment>after the page number field</comment>
        <translation>von {pages}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}: type a page number and press Enter ({keys})</source>
        <translation>Seite {page} von {pages}: Seitenzahl eingeben und Eingabetaste drücken ({keys})</translation>
    </message>
</context>
<context>
    <name>PasteCellsWords</name>
    <message>
        <source>Choose the cell to paste into first.</source>
        <translation>Wählen Sie zuerst die Zelle, in die eingefügt werden soll.</translation>
    </message>
    <message>
        <source>Add New Heroes?</source>
        <translation>Neue Helden hinzufügen?</translation>
    </message>
    <message numerus="yes">
        <source>The paste reaches past the last hero. Add its last %Ln row(s) as new heroes?

Cancel pastes nothing.</source>
        <translation>
            <numerusform>Die eingefügten Zellen reichen über den letzten Helden hinaus. Die %Ln überzählige Zeile als neuen Helden hinzufügen?

„Abbrechen“ fügt nichts ein.</numerusform>
            <numerusform>Die eingefügten Zellen reichen über den letzten Helden hinaus. Die %Ln überzähligen Zeilen als neue Helden hinzufügen?

„Abbrechen“ fügt nichts ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted.</source>
        <translation>Es wurde nichts eingefügt.</translation>
    </message>
    <message>
        <source>The copied cells name columns but hold no heroes.</source>
        <translation>Die kopierten Zellen enthalten Spaltennamen, aber keine Helden.</translation>
    </message>
    <message>
        <source>Type a value in a cell (F2), then press Ctrl+Enter to put it in every selected cell of its column.</source>
        <translation>Geben Sie einen Wert in eine Zelle ein (F2) und drücken Sie dann Strg+Eingabetaste, um ihn in alle ausgewählten Zellen seiner Spalte zu übernehmen.</translation>
    </message>
    <message>
        <source>Select a cell and the cells below it: Fill Down copies the top one into the rest.</source>
        <translation>Wählen Sie eine Zelle und die Zellen darunter aus: „Nach unten füllen“ kopiert die oberste in die übrigen.</translation>
    </message>
    <message>
        <source>{field}: {problem}. Nothing was pasted.</source>
        <translation>{field}: {problem}. Es wurde nichts eingefügt.</translation>
    </message>
    <message numerus="yes">
        <source>{change}. The ID column is never written: %Ln copied value(s) left out.</source>
        <translation>
            <numerusform>{change}: Die ID-Spalte wird nie beschrieben; %Ln kopierter Wert wurde ausgelassen.</numerusform>
            <numerusform>{change}: Die ID-Spalte wird nie beschrieben; %Ln kopierte Werte wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no cells to paste.</source>
        <translation>Die Zwischenablage enthält keine Zellen zum Einfügen.</translation>
    </message>
</context>
<context>
    <name>PostgresAccessWords</name>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Abgebrochen: Es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>PostgresErrorWords</name>
    <message>
        <source>The connection to {server} was lost, so nothing was changed. Hero Desktop reconnects by itself; try again when it is back.</source>
        <translation>Die Verbindung zu {server} wurde unterbrochen, daher wurde nichts geändert. Hero Desktop verbindet sich selbstständig neu; versuchen Sie es erneut, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <source>{server} asks for a password for your user, and none was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog).</source>
        <translation>{server} verlangt ein Passwort für Ihren Benutzer, es wurde aber keines angegeben (in ~/.pgpass, PGPASSWORD oder im Dialog „Mit Server verbinden“).</translation>
    </message>
    <message>
        <source>{server} asks for a password for {user}, and none was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog).</source>
        <translation>{server} verlangt ein Passwort für {user}, es wurde aber keines angegeben (in ~/.pgpass, PGPASSWORD oder im Dialog „Mit Server verbinden“).</translation>
    </message>
    <message>
        <source>{server} refused the password for {user}.</source>
        <translation>{server} hat das Passwort für {user} abgelehnt.</translation>
    </message>
    <message>
        <source>{server} refused the password for your user.</source>
        <translation>{server} hat das Passwort für Ihren Benutzer abgelehnt.</translation>
    </message>
    <message>
        <source>The server has no database named {database}.</source>
        <translation>Auf dem Server gibt es keine Datenbank namens {database}.</translation>
    </message>
    <message>
        <source>The server has no user named {user}.</source>
        <translation>Auf dem Server gibt es keinen Benutzer namens {user}.</translation>
    </message>
    <message>
        <source>The server has no user with your login name.</source>
        <translation>Auf dem Server gibt es Ihren Benutzer nicht.</translation>
    </message>
    <message>
        <source>{server} does not offer TLS, and the connection asks for it (TLS mode {mode}). Choose another TLS mode or enable TLS on the server.</source>
        <translation>{server} bietet kein TLS an, die Verbindung verlangt es aber (TLS-Modus {mode}). Wählen Sie einen anderen TLS-Modus oder aktivieren Sie TLS auf dem Server.</translation>
    </message>
    <message>
        <source>{server} only accepts TLS connections from here. Choose the TLS mode “require” (or stronger) and connect again.</source>
        <translation>{server} nimmt von hier nur TLS-Verbindungen an. Wählen Sie den TLS-Modus „require“ (oder einen strengeren) und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>{server} does not accept connections from {user} here.</source>
        <translation>{server} nimmt von hier keine Verbindungen von {user} an.</translation>
    </message>
    <message>
        <source>{server} does not accept connections from your user on this computer.</source>
        <translation>{server} nimmt von hier keine Verbindungen von Ihrem Benutzer an.</translation>
    </message>
    <message>
        <source>{user} may not connect to {database} on this server.</source>
        <translation>{user} darf sich auf diesem Server nicht mit {database} verbinden.</translation>
    </message>
    <message>
        <source>Your user may not connect to {database} on this server.</source>
        <translation>Ihr Benutzer darf sich auf diesem Server nicht mit {database} verbinden.</translation>
    </message>
    <message>
        <source>The TLS certificate of {server} could not be verified ({detail}).</source>
        <translation>Das TLS-Zertifikat von {server} konnte nicht überprüft werden ({detail}).</translation>
    </message>
    <message>
        <source>Could not reach the PostgreSQL server for {server}. Check that it is running and that the host and port are right.</source>
        <translation>Der PostgreSQL-Server für {server} ist nicht erreichbar. Prüfen Sie, ob er läuft und ob Host und Port stimmen.</translation>
    </message>
    <message>
        <source>Could not connect to {server}: {detail}.</source>
        <translation>Es konnte keine Verbindung zu {server} hergestellt werden: {detail}.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{server} reported an error: {detail}.</source>
        <translation>{server} hat einen Fehler gemeldet: {detail}.</translation>
    </message>
    <message>
        <source>no detail</source>
        <comment>in place of a server&apos;s message</comment>
        <translation>keine Details</translation>
    </message>
</context>
<context>
    <name>PostgresMaintenanceWords</name>
    <message>
        <source>{database} has no hero table.</source>
        <translation>{database} enthält keine Tabelle hero.</translation>
    </message>
    <message>
        <source>Cancelled: the name index works as it is; what it lacks is added the next time the database is opened.</source>
        <translation>Abgebrochen: Der Namensindex funktioniert so, wie er ist; was ihm fehlt, wird beim nächsten Öffnen der Datenbank ergänzt.</translation>
    </message>
    <message>
        <source>Cancelled: the other new heroes join the name index later; until then, search reads the whole table.</source>
        <translation>Abgebrochen: Die übrigen neuen Helden werden später in den Namensindex aufgenommen; bis dahin durchsucht die Suche die ganze Tabelle.</translation>
    </message>
    <message>
        <source>Cancelled: the name index was not added; the database is as it was.</source>
        <translation>Abgebrochen: Der Namensindex wurde nicht angelegt; die Datenbank ist unverändert.</translation>
    </message>
</context>
<context>
    <name>PostgresOpeningWords</name>
    <message>
        <source>{database} has no hero table, and it is open read-only.</source>
        <translation>{database} enthält keine Tabelle hero und ist schreibgeschützt geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>The hero table in {database} has no {columns} column(s), so Hero Desktop cannot use it. It was left untouched.</source>
        <translation>
            <numerusform>Der Tabelle hero in {database} fehlt die Spalte {columns}, daher kann Hero Desktop sie nicht verwenden. Sie wurde nicht verändert.</numerusform>
            <numerusform>Der Tabelle hero in {database} fehlen die Spalten {columns}, daher kann Hero Desktop sie nicht verwenden. Sie wurde nicht verändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hero table in {database} cannot be read.</source>
        <translation>Die Tabelle hero in {database} kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>{database} has no hero table, and your role may not create one. Ask the database&apos;s owner to open it once with Hero Desktop (or the tutorial&apos;s app).</source>
        <translation>{database} enthält keine Tabelle hero, und Ihre Rolle darf keine anlegen. Bitten Sie den Eigentümer der Datenbank, sie einmal mit Hero Desktop (oder der App aus dem Tutorial) zu öffnen.</translation>
    </message>
    <message>
        <source>{database} has no hero table, and {user} may not create one. Ask the database&apos;s owner to open it once with Hero Desktop (or the tutorial&apos;s app).</source>
        <translation>{database} enthält keine Tabelle hero, und {user} darf keine anlegen. Bitten Sie den Eigentümer der Datenbank, sie einmal mit Hero Desktop (oder der App aus dem Tutorial) zu öffnen.</translation>
    </message>
</context>
<context>
    <name>PostgresStoreWords</name>
    <message>
        <source>Connection to {server} lost — reconnecting…</source>
        <translation>Verbindung zu {server} unterbrochen – Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>The connection to {server} was lost while saving, and Hero Desktop cannot tell yet whether the change was saved. The roster will show what the server holds once it is back; check the change then.</source>
        <translation>Die Verbindung zu {server} wurde beim Speichern unterbrochen, und Hero Desktop kann noch nicht feststellen, ob die Änderung gespeichert wurde. Sobald die Verbindung wieder besteht, zeigt die Heldenliste, was auf dem Server gespeichert ist; prüfen Sie die Änderung dann.</translation>
    </message>
</context>
<context>
    <name>PromptsWords</name>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Geheimname</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>  {field}: {value}</source>
        <comment>one field&apos;s value in a list of them</comment>
        <translation>  {field}: {value}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Hero Changed Elsewhere</source>
        <translation>Held wurde anderswo geändert</translation>
    </message>
    <message>
        <source>Another program changed hero {id} since it was shown here.

It now reads:
{theirs}

{action}
{mine}</source>
        <translation>Ein anderes Programm hat den Helden mit der ID {id} geändert, seit er hier angezeigt wurde.

Aktueller Stand:
{theirs}

{action}
{mine}</translation>
    </message>
    <message>
        <source>&amp;Use Mine</source>
        <translation>&amp;Meine übernehmen</translation>
    </message>
    <message>
        <source>&amp;Keep Theirs</source>
        <translation>&amp;Aktuelle behalten</translation>
    </message>
    <message>
        <source>Changes Not Written Yet</source>
        <translation>Änderungen noch nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Another program is still writing {database}. Quit without the %Ln change(s) waiting for it to finish?</source>
        <translation>
            <numerusform>Ein anderes Programm schreibt gerade in {database}. Beenden, ohne die %Ln wartende Änderung zu speichern?</numerusform>
            <numerusform>Ein anderes Programm schreibt gerade in {database}. Beenden, ohne die %Ln wartenden Änderungen zu speichern?</numerusform>
        </translation>
    </message>
    <message>
        <source>Not written if you quit now:</source>
        <translation>Wird nicht gespeichert, wenn Sie jetzt beenden:</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Keep Waiting</source>
        <translation>&amp;Weiter warten</translation>
    </message>
</context>
<context>
    <name>RowsWords</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Geheimname</translation>
    </message>
</context>
<context>
    <name>SearchBarWords</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Search names (Ctrl+F)</source>
        <translation>Namen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search names</source>
        <translation>Namen suchen</translation>
    </message>
    <message>
        <source>Shows the heroes whose name contains what you type (Ctrl+F; Esc clears)</source>
        <translation>Zeigt die Helden, deren Name den eingegebenen Text enthält (Strg+F; Esc leert die Suche)</translation>
    </message>
    <message>
        <source>from</source>
        <comment>the lowest age searched for</comment>
        <translation>von</translation>
    </message>
    <message>
        <source>Age from</source>
        <translation>Alter von</translation>
    </message>
    <message>
        <source>Heroes aged from this, {low} to {high}</source>
        <translation>Helden ab diesem Alter, {low} bis {high}</translation>
    </message>
    <message>
        <source>to</source>
        <comment>the highest age searched for</comment>
        <translation>bis</translation>
    </message>
    <message>
        <source>Age to</source>
        <translation>Alter bis</translation>
    </message>
    <message>
        <source>Heroes aged to this, {low} to {high}</source>
        <translation>Helden bis zu diesem Alter, {low} bis {high}</translation>
    </message>
    <message>
        <source>No age</source>
        <translation>Ohne Alter</translation>
    </message>
    <message>
        <source>Only the heroes without an age</source>
        <translation>Nur Helden ohne Altersangabe</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Age</source>
        <comment>before the age range fields</comment>
        <translation>Alter</translation>
    </message>
    <message>
        <source>No heroes match: the age &quot;from&quot; ({low}) is above &quot;to&quot; ({high}). Swap them, or press Esc to clear the search.</source>
        <translation>Keine passenden Helden: Das Alter „von“ ({low}) ist größer als „bis“ ({high}). Vertauschen Sie die Werte oder drücken Sie Esc, um die Suche zu leeren.</translation>
    </message>
    <message>
        <source>No heroes match this search. Press Esc to clear it.</source>
        <translation>Keine Helden entsprechen dieser Suche. Drücken Sie Esc, um sie zu leeren.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialogWords</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Each action of the menus, with its keys</source>
        <translation>Alle Menübefehle mit ihren Tasten</translation>
    </message>
    <message>
        <source>{action}: {keys}</source>
        <translation>{action}: {keys}</translation>
    </message>
</context>
<context>
    <name>SqliteConnectionsWords</name>
    <message>
        <source>Could not open {path}. Its changes are in {wal}, which can only be read from a copy, and the copy failed: {reason}.</source>
        <translation>{path} konnte nicht geöffnet werden. Die Änderungen daran stehen in {wal}; diese Datei lässt sich nur über eine Kopie lesen, und das Kopieren ist fehlgeschlagen: {reason}.</translation>
    </message>
</context>
<context>
    <name>SqliteDatabaseWords</name>
    <message>
        <source>Could not open {path}. The folder {folder} does not exist.</source>
        <translation>{path} konnte nicht geöffnet werden. Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder is read-only.</source>
        <translation>{path} kann nicht angelegt werden: Der Ordner ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>{path} has no hero table, and it is read-only.</source>
        <translation>{path} enthält keine Tabelle hero und ist schreibgeschützt.</translation>
    </message>
</context>
<context>
    <name>SqliteErrorWords</name>
    <message>
        <source>Could not open {path}. {reason}</source>
        <translation>{path} konnte nicht geöffnet werden. {reason}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The file is not a SQLite database.</source>
        <translation>Die Datei ist keine SQLite-Datenbank.</translation>
    </message>
    <message>
        <source>The database file is damaged (database disk image is malformed).</source>
        <translation>Die Datenbankdatei ist beschädigt (database disk image is malformed).</translation>
    </message>
    <message>
        <source>The disk reported an input/output error. Nothing was changed.</source>
        <translation>Der Datenträger hat einen Ein-/Ausgabefehler gemeldet. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The database refused the change ({detail}). Nothing was changed.</source>
        <translation>Die Datenbank hat die Änderung abgelehnt ({detail}). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>SQLite could not open the file or the -wal and -shm files it keeps beside it ({detail}): check that the file and its folder can be read.</source>
        <translation>SQLite konnte die Datei oder die Dateien -wal und -shm, die es daneben anlegt, nicht öffnen ({detail}): Prüfen Sie, ob die Datei und ihr Ordner lesbar sind.</translation>
    </message>
    <message>
        <source>The database reported an error: {detail}.</source>
        <translation>Die Datenbank hat einen Fehler gemeldet: {detail}.</translation>
    </message>
</context>
<context>
    <name>SqliteFilesWords</name>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>{path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>The hero table in {path} has no {columns} column(s), so Hero Desktop cannot use it. The file was left untouched.</source>
        <translation>
            <numerusform>Der Tabelle hero in {path} fehlt die Spalte {columns}, daher kann Hero Desktop sie nicht verwenden. Die Datei wurde nicht verändert.</numerusform>
            <numerusform>Der Tabelle hero in {path} fehlen die Spalten {columns}, daher kann Hero Desktop sie nicht verwenden. Die Datei wurde nicht verändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqliteNameIndexWords</name>
    <message>
        <source>Cancelled: the name index was not added; the file is as it was.</source>
        <translation>Abgebrochen: Der Namensindex wurde nicht angelegt; die Datei ist unverändert.</translation>
    </message>
</context>
<context>
    <name>StatusAreaWords</name>
    <message>
        <source>Waiting for another program to finish writing {name}…</source>
        <translation>Warten, bis ein anderes Programm das Schreiben in {name} beendet…</translation>
    </message>
    <message>
        <source>Waiting for the name index to finish building…</source>
        <translation>Warten, bis der Namensindex aufgebaut ist…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel waiting</source>
        <translation>Warten abbrechen</translation>
    </message>
    <message>
        <source>Give up the change that waits (Esc)</source>
        <translation>Die wartende Änderung verwerfen (Esc)</translation>
    </message>
    <message>
        <source>{waiting} Esc stops waiting.</source>
        <translation>{waiting} Esc beendet das Warten.</translation>
    </message>
</context>
<context>
    <name>StoreSentencesWords</name>
    <message>
        <source>Hero Desktop can add a name index (a table, an FTS index and three triggers that only use SQLite built-ins) and switch the file to WAL mode, so that search and name order are instant. The tutorial&apos;s app keeps working with the file.</source>
        <translation>Hero Desktop kann einen Namensindex anlegen (eine Tabelle, einen FTS-Index und drei Trigger, die nur eingebaute SQLite-Funktionen verwenden) und die Datei in den WAL-Modus umstellen, damit Suche und Sortierung nach Namen sofort erfolgen. Die App aus dem Tutorial funktioniert weiterhin mit der Datei.</translation>
    </message>
    <message>
        <source>Hero Desktop can add a name index (two tables, an index on age, and triggers on the hero table) so that search and name order are instant and every open window sees other people&apos;s changes at once. The tutorial&apos;s app keeps working with the database; nothing in the hero table changes.</source>
        <translation>Hero Desktop kann einen Namensindex anlegen (zwei Tabellen, einen Index auf das Alter und Trigger auf der Tabelle hero), damit Suche und Sortierung nach Namen sofort erfolgen und jedes geöffnete Fenster die Änderungen anderer sofort sieht. Die App aus dem Tutorial funktioniert weiterhin mit der Datenbank; an der Tabelle hero ändert sich nichts.</translation>
    </message>
    <message>
        <source>Read-only: {name} was opened read-only on request (--read-only), so editing is turned off.</source>
        <translation>Schreibgeschützt: {name} wurde auf Wunsch schreibgeschützt geöffnet (--read-only), daher ist das Bearbeiten ausgeschaltet.</translation>
    </message>
    <message>
        <source>Read-only: {name} is open read-only: your role may only read heroes here. Other people&apos;s changes show within about two seconds.</source>
        <translation>Schreibgeschützt: {name} ist schreibgeschützt geöffnet: Ihre Rolle darf hier nur Helden lesen. Änderungen anderer erscheinen nach etwa zwei Sekunden.</translation>
    </message>
    <message>
        <source>Read-only: {name} has no Hero Desktop trigger, so other people&apos;s changes show within about two seconds (by asking the server) instead of at once.</source>
        <translation>Schreibgeschützt: {name} hat keinen Hero-Desktop-Trigger, daher erscheinen Änderungen anderer erst nach etwa zwei Sekunden (durch Abfragen des Servers) statt sofort.</translation>
    </message>
    <message>
        <source>Read-only: {name} is open read-only: your role may only read heroes here.</source>
        <translation>Schreibgeschützt: {name} ist schreibgeschützt geöffnet: Ihre Rolle darf hier nur Helden lesen.</translation>
    </message>
    <message>
        <source>Read-only: this database cannot be written, so editing is turned off.</source>
        <translation>Schreibgeschützt: In diese Datenbank kann nicht geschrieben werden, daher ist das Bearbeiten ausgeschaltet.</translation>
    </message>
    <message>
        <source>{name} is open read-only: your role may only read heroes here. Other people&apos;s changes show within about two seconds.</source>
        <translation>{name} ist schreibgeschützt geöffnet: Ihre Rolle darf hier nur Helden lesen. Änderungen anderer erscheinen nach etwa zwei Sekunden.</translation>
    </message>
    <message>
        <source>{name} has no Hero Desktop trigger, so other people&apos;s changes show within about two seconds (by asking the server) instead of at once.</source>
        <translation>{name} hat keinen Hero-Desktop-Trigger, daher erscheinen Änderungen anderer erst nach etwa zwei Sekunden (durch Abfragen des Servers) statt sofort.</translation>
    </message>
    <message>
        <source>{name} is open read-only: your role may only read heroes here.</source>
        <translation>{name} ist schreibgeschützt geöffnet: Ihre Rolle darf hier nur Helden lesen.</translation>
    </message>
</context>
<context>
    <name>TableNavigatorWords</name>
    <message>
        <source>A hero id is a whole number, such as 42.</source>
        <translation>Eine Helden-ID ist eine ganze Zahl, z. B. 42.</translation>
    </message>
</context>
<context>
    <name>ViewCellsWords</name>
    <message>
        <source>Copy cancelled: the clipboard is as it was.</source>
        <translation>Kopieren abgebrochen: Die Zwischenablage ist unverändert.</translation>
    </message>
</context>
<context>
    <name>ViewFillingWords</name>
    <message>
        <source>A fill is already running.</source>
        <translation>Es läuft bereits ein Füllvorgang.</translation>
    </message>
    <message>
        <source>Pasting cells</source>
        <translation>Zellen werden eingefügt</translation>
    </message>
    <message>
        <source>Filling cells</source>
        <translation>Zellen werden gefüllt</translation>
    </message>
</context>
<context>
    <name>WindowActionsWords</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Add Hero…</source>
        <translation>&amp;Held hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Delete Heroes…</source>
        <translation>Helden &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Paste as &amp;New Heroes</source>
        <translation>Als &amp;neue Helden einfügen</translation>
    </message>
    <message>
        <source>F&amp;ill Selection</source>
        <translation>Auswahl &amp;füllen</translation>
    </message>
    <message>
        <source>Fill Do&amp;wn</source>
        <translation>Nach &amp;unten füllen</translation>
    </message>
    <message>
        <source>&amp;Edit Cell</source>
        <translation>&amp;Zelle bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy with &amp;Headers</source>
        <translation>&amp;Mit Spaltenköpfen kopieren</translation>
    </message>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Select R&amp;ows</source>
        <translation>Ze&amp;ilen auswählen</translation>
    </message>
    <message>
        <source>Select Colu&amp;mns</source>
        <translation>S&amp;palten auswählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>C&amp;lear Search</source>
        <translation>Su&amp;che leeren</translation>
    </message>
    <message>
        <source>&amp;Go to Hero…</source>
        <translation>&amp;Zu Held springen…</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message>
        <source>&amp;First Page</source>
        <translation>&amp;Erste Seite</translation>
    </message>
    <message>
        <source>&amp;Last Page</source>
        <translation>&amp;Letzte Seite</translation>
    </message>
    <message>
        <source>Page N&amp;umber…</source>
        <translation>&amp;Seitenzahl…</translation>
    </message>
    <message>
        <source>Show &amp;Secret Names</source>
        <translation>&amp;Geheimnamen anzeigen</translation>
    </message>
    <message>
        <source>Sort by &amp;ID</source>
        <translation>Nach &amp;ID sortieren</translation>
    </message>
    <message>
        <source>Sort by &amp;Name</source>
        <translation>Nach &amp;Name sortieren</translation>
    </message>
    <message>
        <source>Sort by &amp;Age</source>
        <translation>Nach &amp;Alter sortieren</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>A&amp;bsteigend</translation>
    </message>
    <message>
        <source>Move Column &amp;Left</source>
        <translation>Spalte nach &amp;links verschieben</translation>
    </message>
    <message>
        <source>Move Column &amp;Right</source>
        <translation>Spalte nach &amp;rechts verschieben</translation>
    </message>
    <message>
        <source>Reset &amp;Columns</source>
        <translation>Spalten &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>G&amp;rößere Schrift</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>&amp;Kleinere Schrift</translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation>&amp;Normale Schriftgröße</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Hero Desktop</source>
        <translation>Ü&amp;ber Hero Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Ans&amp;icht</translation>
    </message>
    <message>
        <source>Sort &amp;By</source>
        <translation>&amp;Sortieren nach</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Edit cell: commit / cancel</source>
        <translation>Zelle bearbeiten: übernehmen / abbrechen</translation>
    </message>
    <message>
        <source>Enter or Tab / Esc</source>
        <translation>Eingabetaste oder Tab / Esc</translation>
    </message>
    <message>
        <source>Select a rectangle of cells / add a cell</source>
        <translation>Rechteckigen Zellbereich auswählen / Zelle hinzufügen</translation>
    </message>
    <message>
        <source>Shift+arrows / Ctrl+click</source>
        <translation>Umschalt+Pfeiltasten / Strg+Klick</translation>
    </message>
    <message>
        <source>Clear search, back to where you were</source>
        <translation>Suche leeren, zurück zur vorherigen Stelle</translation>
    </message>
    <message>
        <source>Esc (in the search box)</source>
        <translation>Esc (im Suchfeld)</translation>
    </message>
    <message>
        <source>Search now and go to the results</source>
        <translation>Jetzt suchen und zu den Treffern gehen</translation>
    </message>
    <message>
        <source>Enter, Down (in the search box)</source>
        <translation>Eingabetaste, Pfeil nach unten (im Suchfeld)</translation>
    </message>
    <message>
        <source>Page number field: go to the page / leave it</source>
        <translation>Seitenzahlfeld: zur Seite springen / Feld verlassen</translation>
    </message>
    <message>
        <source>Enter / Esc</source>
        <translation>Eingabetaste / Esc</translation>
    </message>
    <message>
        <source>Stop waiting for another program&apos;s lock</source>
        <translation>Nicht länger auf ein anderes Programm warten, das gerade schreibt</translation>
    </message>
    <message>
        <source>Esc (while it waits)</source>
        <translation>Esc (während des Wartens)</translation>
    </message>
    <message>
        <source>Columns menu (show, hide, move, reset)</source>
        <translation>Spaltenmenü (anzeigen, ausblenden, verschieben, zurücksetzen)</translation>
    </message>
    <message>
        <source>{keys} (in the table)</source>
        <translation>{keys} (in der Tabelle)</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be added.</source>
        <translation>{database} ist schreibgeschützt geöffnet, daher können keine Helden hinzugefügt werden.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be deleted.</source>
        <translation>{database} ist schreibgeschützt geöffnet, daher können keine Helden gelöscht werden.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be edited.</source>
        <translation>{database} ist schreibgeschützt geöffnet, daher können keine Helden bearbeitet werden.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be imported.</source>
        <translation>{database} ist schreibgeschützt geöffnet, daher können keine Helden importiert werden.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be changed.</source>
        <translation>{database} ist schreibgeschützt geöffnet, daher können keine Helden geändert werden.</translation>
    </message>
</context>
<context>
    <name>WindowManagerWords</name>
    <message>
        <source>Could not open {database}. {reason}</source>
        <translation>{database} konnte nicht geöffnet werden. {reason}</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>{reason} Showing your default database instead.</source>
        <translation>{reason} Stattdessen wird Ihre Standarddatenbank angezeigt.</translation>
    </message>
    <message>
        <source>Cannot Reach Server</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>Unexpected Error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

The details were written to the log file in the app data folder. Your confirmed changes are saved.</source>
        <translation>Etwas ist schiefgelaufen: {error}

Die Details wurden in die Protokolldatei im Datenordner der Anwendung geschrieben. Ihre bestätigten Änderungen sind gespeichert.</translation>
    </message>
</context>
</TS>
