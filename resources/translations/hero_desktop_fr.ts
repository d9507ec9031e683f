<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddHeroDialogWords</name>
    <message>
        <source>Add Hero</source>
        <translation>Ajouter un héros</translation>
    </message>
    <message>
        <source>Required, e.g. Deadpond</source>
        <translation>Obligatoire, p. ex. Deadpond</translation>
    </message>
    <message>
        <source>Required, e.g. Dive Wilson</source>
        <translation>Obligatoire, p. ex. Dive Wilson</translation>
    </message>
    <message>
        <source>Optional, 0 to {max_age}</source>
        <translation>Facultatif, de 0 à {max_age}</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Secret name:</source>
        <translation>Nom &amp;secret&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>Â&amp;ge&#xa0;:</translation>
    </message>
    <message>
        <source>Add this hero (Enter)</source>
        <translation>Ajouter ce héros (Entrée)</translation>
    </message>
    <message>
        <source>Close without adding (Esc)</source>
        <translation>Fermer sans ajouter (Échap)</translation>
    </message>
    <message>
        <source>{waiting} Press Esc to stop waiting.</source>
        <translation>{waiting} Appuyez sur Échap pour cesser d&apos;attendre.</translation>
    </message>
</context>
<context>
    <name>CellPasteWords</name>
    <message>
        <source>Row {row}, {column}: {reason}. Nothing was pasted.</source>
        <translation>Ligne {row}, {column}&#xa0;: {reason}. Rien n&apos;a été collé.</translation>
    </message>
    <message>
        <source>Name is required for a new hero</source>
        <translation>Le nom est obligatoire pour un nouveau héros</translation>
    </message>
    <message>
        <source>Secret name is required for a new hero</source>
        <translation>Le nom secret est obligatoire pour un nouveau héros</translation>
    </message>
    <message>
        <source>The copied cells are {width} columns wide, but only 1 column is shown from the current one. Nothing was pasted.</source>
        <translation>Les cellules copiées occupent {width} colonnes, mais une seule colonne est affichée à partir de la colonne actuelle. Rien n&apos;a été collé.</translation>
    </message>
    <message numerus="yes">
        <source>The copied cells are {width} columns wide, but only %Ln column(s) are shown from the current one. Nothing was pasted.</source>
        <translation>
            <numerusform>Les cellules copiées occupent {width} colonnes, mais seule %Ln colonne est affichée à partir de la colonne actuelle. Rien n&apos;a été collé.</numerusform>
            <numerusform>Les cellules copiées occupent {width} colonnes, mais seules %Ln colonnes sont affichées à partir de la colonne actuelle. Rien n&apos;a été collé.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CellSelectionWords</name>
    <message>
        <source>All heroes of the search selected (about {count})</source>
        <translation>Tous les héros de la recherche sélectionnés (environ {count})</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln hero(es) selected</source>
        <translation>
            <numerusform>%Ln héros sélectionné (tous)</numerusform>
            <numerusform>Tous les %Ln héros sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation>
            <numerusform>%Ln ligne sélectionnée</numerusform>
            <numerusform>%Ln lignes sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) selected</source>
        <translation>
            <numerusform>%Ln colonne sélectionnée</numerusform>
            <numerusform>%Ln colonnes sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) selected</source>
        <translation>
            <numerusform>%Ln cellule sélectionnée</numerusform>
            <numerusform>%Ln cellules sélectionnées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeRunnerWords</name>
    <message>
        <source>Kept the values another program wrote; your edit was not saved.</source>
        <translation>Les valeurs écrites par un autre programme ont été conservées&#xa0;; votre modification n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>Kept the values another program wrote; nothing was changed.</source>
        <translation>Les valeurs écrites par un autre programme ont été conservées&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Undone: {change}.</source>
        <translation>Annulé&#xa0;: {change}.</translation>
    </message>
    <message>
        <source>Redone: {change}.</source>
        <translation>Rétabli&#xa0;: {change}.</translation>
    </message>
    <message>
        <source>Done: {change}.</source>
        <translation>Fait&#xa0;: {change}.</translation>
    </message>
    <message>
        <source>Undo skipped: the change before it was not saved.</source>
        <translation>Annulation ignorée&#xa0;: la modification précédente n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>Redo skipped: the change before it was not saved.</source>
        <translation>Rétablissement ignoré&#xa0;: la modification précédente n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>Undo would write:</source>
        <translation>L&apos;annulation écrirait&#xa0;:</translation>
    </message>
    <message>
        <source>Redo would write:</source>
        <translation>Le rétablissement écrirait&#xa0;:</translation>
    </message>
    <message>
        <source>Your edit would write:</source>
        <translation>Votre modification écrirait&#xa0;:</translation>
    </message>
    <message>
        <source>Deleting would write:</source>
        <translation>La suppression écrirait&#xa0;:</translation>
    </message>
    <message>
        <source>{change} would write:</source>
        <translation>«&#xa0;{change}&#xa0;» écrirait&#xa0;:</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Annuler&#xa0;: {change}</translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation>&amp;Rétablir&#xa0;: {change}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
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
        <translation>Âg&amp;e</translation>
    </message>
    <message>
        <source>&amp;Secret name</source>
        <translation>&amp;Nom secret</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Colonnes</translation>
    </message>
</context>
<context>
    <name>ConnectDialogWords</name>
    <message>
        <source>Prefer TLS (use it when the server offers it)</source>
        <translation>Préférer TLS (l&apos;utiliser si le serveur le propose)</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>Exiger TLS</translation>
    </message>
    <message>
        <source>Require TLS and verify the server&apos;s certificate</source>
        <translation>Exiger TLS et vérifier le certificat du serveur</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Sans TLS</translation>
    </message>
    <message>
        <source>Allow TLS (only when the server insists)</source>
        <translation>Autoriser TLS (seulement si le serveur l&apos;exige)</translation>
    </message>
    <message>
        <source>Require TLS and verify the certificate&apos;s authority only</source>
        <translation>Exiger TLS et vérifier seulement l&apos;autorité de certification</translation>
    </message>
    <message>
        <source>Connect to Server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <source>A name, an IP address or a socket folder</source>
        <translation>Un nom, une adresse IP ou un dossier de socket</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Required, e.g. heroes</source>
        <translation>Obligatoire, par exemple heroes</translation>
    </message>
    <message>
        <source>Your login name</source>
        <translation>Votre nom de connexion</translation>
    </message>
    <message>
        <source>Leave empty to use ~/.pgpass or PGPASSWORD</source>
        <translation>Laisser vide pour utiliser ~/.pgpass ou PGPASSWORD</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>Open the database on this server (Enter)</source>
        <translation>Ouvrir la base de données sur ce serveur (Entrée)</translation>
    </message>
    <message>
        <source>Whether the connection is encrypted</source>
        <translation>Indique si la connexion est chiffrée</translation>
    </message>
    <message>
        <source>Enter the name of a database to open.</source>
        <translation>Saisissez le nom de la base de données à ouvrir.</translation>
    </message>
</context>
<context>
    <name>CopyCellsWords</name>
    <message>
        <source>A copy is already running.</source>
        <translation>Une copie est déjà en cours.</translation>
    </message>
    <message>
        <source>Copying heroes</source>
        <translation>Copie des héros</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln hero(es).</source>
        <translation>
            <numerusform>%Ln héros copié.</numerusform>
            <numerusform>%Ln héros copiés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvIoWords</name>
    <message>
        <source>Cannot write to {folder}: {reason}.</source>
        <translation>Impossible d&apos;écrire dans {folder}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportation annulée&#xa0;; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Heroes cannot be imported into this database: its hero table also requires {columns}, which Hero Desktop does not know how to fill. Nothing was imported.</source>
        <translation>Impossible d&apos;importer des héros dans cette base de données&#xa0;: sa table hero exige aussi {columns}, que Hero Desktop ne sait pas remplir. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} est vide.</translation>
    </message>
    <message numerus="yes">
        <source>Expected %Ln value(s), found {found}</source>
        <translation>
            <numerusform>Nombre de valeurs incorrect&#xa0;: {found} au lieu de %Ln</numerusform>
            <numerusform>Nombre de valeurs incorrect&#xa0;: {found} au lieu de %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importation annulée&#xa0;; rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>CsvReadingWords</name>
    <message numerus="yes">
        <source>The column(s) {columns} will be ignored.</source>
        <translation>
            <numerusform>La colonne {columns} sera ignorée.</numerusform>
            <numerusform>Les colonnes {columns} seront ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} is empty: it needs a header line naming the columns name, age and secret_name.</source>
        <translation>{file} est vide&#xa0;: il doit commencer par une ligne d&apos;en-tête nommant les colonnes name, age et secret_name.</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}.</source>
        <translation>Impossible de lire {file}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The header line is malformed CSV</source>
        <translation>La ligne d&apos;en-tête n&apos;est pas du CSV valide</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 or UTF-16 text (byte {byte} at line {line}); save it as UTF-8 CSV and try again.</source>
        <translation>{file} n&apos;est pas un texte UTF-8 ou UTF-16 (octet {byte} à la ligne {line})&#xa0;; enregistrez-le au format CSV UTF-8 et réessayez.</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 or UTF-16 text (a broken UTF-16 character at line {line}); save it as UTF-8 CSV and try again.</source>
        <translation>{file} n&apos;est pas un texte UTF-8 ou UTF-16 (caractère UTF-16 incomplet à la ligne {line})&#xa0;; enregistrez-le au format CSV UTF-8 et réessayez.</translation>
    </message>
    <message>
        <source>The CSV is malformed ({detail})</source>
        <translation>Le fichier CSV est mal formé ({detail})</translation>
    </message>
    <message numerus="yes">
        <source>The header has no {columns} column(s)</source>
        <translation>
            <numerusform>Il manque la colonne {columns} dans l&apos;en-tête</numerusform>
            <numerusform>Il manque les colonnes {columns} dans l&apos;en-tête</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Column {columns} appears more than once</source>
        <translation>
            <numerusform>La colonne {columns} apparaît plusieurs fois</numerusform>
            <numerusform>Les colonnes {columns} apparaissent plusieurs fois</numerusform>
        </translation>
    </message>
    <message>
        <source>{problems}. The first line must name the columns name, age and secret_name (as in name,age,secret_name or Name;Secret name;Age)</source>
        <translation>{problems}. La première ligne doit nommer les colonnes name, age et secret_name (comme dans name,age,secret_name ou Name;Secret name;Age)</translation>
    </message>
    <message>
        <source>(no name, column {number})</source>
        <translation>(sans nom, colonne {number})</translation>
    </message>
</context>
<context>
    <name>CsvTransferWords</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln hero(es)</source>
        <translation>
            <numerusform>{done} héros sur %Ln</numerusform>
            <numerusform>{done} héros sur %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hero(es)</source>
        <translation>
            <numerusform>%Ln héros</numerusform>
            <numerusform>%Ln héros</numerusform>
        </translation>
    </message>
    <message>
        <source>An import or export is already running.</source>
        <translation>Une importation ou une exportation est déjà en cours.</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>Importer un CSV</translation>
    </message>
    <message>
        <source>{ignored} Import?</source>
        <translation>{ignored} Importer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported from {file}.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été importé depuis {file}.</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>Importation de {file}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln hero(es).</source>
        <translation>
            <numerusform>%Ln héros importé.</numerusform>
            <numerusform>%Ln héros importés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to {file}</source>
        <translation>Exportation vers {file}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln hero(es).</source>
        <translation>
            <numerusform>%Ln héros exporté.</numerusform>
            <numerusform>%Ln héros exportés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Import Refused</source>
        <translation>Importation refusée</translation>
    </message>
</context>
<context>
    <name>DataWorkerWords</name>
    <message>
        <source>The database is not open.</source>
        <translation>La base de données n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>DeleteHeroesDialogWords</name>
    <message>
        <source>Delete this hero?</source>
        <translation>Supprimer ce héros&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %Ln heroes?</source>
        <translation>
            <numerusform>Supprimer ces %Ln héros&#xa0;?</numerusform>
            <numerusform>Supprimer ces %Ln héros&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>• {name} (ID {id})</source>
        <translation>• {name} (ID {id})</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…et %Ln autre</numerusform>
            <numerusform>…et %Ln autres</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Vous pourrez annuler cette action avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete Heroes</source>
        <translation>Supprimer des héros</translation>
    </message>
    <message>
        <source>Delete Hero</source>
        <translation>Supprimer un héros</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the heroes listed (Enter); Ctrl+Z undoes it</source>
        <translation>Supprimer les héros listés (Entrée)&#xa0;; Ctrl+Z annule la suppression</translation>
    </message>
    <message>
        <source>Keep them (Esc)</source>
        <translation>Les conserver (Échap)</translation>
    </message>
</context>
<context>
    <name>DemoWords</name>
    <message numerus="yes">
        <source>{path} already holds %Ln hero(es); nothing was changed (use --force to replace them).</source>
        <translation>
            <numerusform>{path} contient déjà %Ln héros&#xa0;; rien n&apos;a été modifié (utilisez --force pour le remplacer).</numerusform>
            <numerusform>{path} contient déjà %Ln héros&#xa0;; rien n&apos;a été modifié (utilisez --force pour les remplacer).</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a Hero Desktop database of generated heroes.</source>
        <translation>Crée une base de données Hero Desktop remplie de héros générés.</translation>
    </message>
    <message>
        <source>the database file (created if missing)</source>
        <translation>le fichier de base de données (créé s&apos;il n&apos;existe pas)</translation>
    </message>
    <message>
        <source>how many heroes (default 1000)</source>
        <translation>nombre de héros (1000 par défaut)</translation>
    </message>
    <message>
        <source>random seed (default 0)</source>
        <translation>graine aléatoire (0 par défaut)</translation>
    </message>
    <message>
        <source>replace the heroes of a file that has some</source>
        <translation>remplacer les héros d&apos;un fichier qui en contient déjà</translation>
    </message>
    <message>
        <source>--count must not be negative</source>
        <translation>--count ne doit pas être négatif</translation>
    </message>
    <message numerus="yes">
        <source>Made %Ln hero(es) in {path} (seed {seed}) in {seconds} s.</source>
        <translation>
            <numerusform>%Ln héros créé dans {path} (graine {seed}) en {seconds}&#xa0;s.</numerusform>
            <numerusform>%Ln héros créés dans {path} (graine {seed}) en {seconds}&#xa0;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>Hero not found</source>
        <translation>Héros introuvable</translation>
    </message>
    <message>
        <source>Hero {id} cannot be brought back: another hero now has id {id}. Nothing was overwritten.</source>
        <translation>Impossible de restaurer le héros {id}&#xa0;: un autre héros porte maintenant l&apos;ID {id}. Rien n&apos;a été écrasé.</translation>
    </message>
    <message>
        <source>Hero {id} was changed by another program since it was shown.</source>
        <translation>Le héros {id} a été modifié par un autre programme depuis son affichage.</translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Nothing was changed; try again in a moment.</source>
        <translation>La base de données est occupée&#xa0;: un autre programme est en train d&apos;y écrire. Rien n&apos;a été modifié&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>This database is open read-only, so it cannot be changed.</source>
        <translation>Cette base de données est ouverte en lecture seule&#xa0;: elle ne peut pas être modifiée.</translation>
    </message>
    <message>
        <source>The disk is full (or the database reached its size limit). Nothing was changed; free some space and try again.</source>
        <translation>Le disque est plein (ou la base de données a atteint sa taille maximale). Rien n&apos;a été modifié&#xa0;; libérez de l&apos;espace et réessayez.</translation>
    </message>
    <message>
        <source>{path} is not a SQLite database. The file was left untouched.</source>
        <translation>{path} n&apos;est pas une base de données SQLite. Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). The file was left untouched; restore it from a backup.</source>
        <translation>{path} est endommagé ({detail}). Le fichier n&apos;a pas été modifié&#xa0;; restaurez-le à partir d&apos;une sauvegarde.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the file has %Ln problem(s).</source>
        <translation>
            <numerusform>Rien n&apos;a été importé&#xa0;: le fichier comporte %Ln problème.</numerusform>
            <numerusform>Rien n&apos;a été importé&#xa0;: le fichier comporte %Ln problèmes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>Ligne {line}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more problem(s).</source>
        <translation>
            <numerusform>… et %Ln autre problème.</numerusform>
            <numerusform>… et %Ln autres problèmes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsWords</name>
    <message>
        <source>Name is required</source>
        <translation>Le nom est obligatoire</translation>
    </message>
    <message>
        <source>Name must be text</source>
        <translation>Le nom doit être du texte</translation>
    </message>
    <message>
        <source>Name must not contain control characters or line breaks</source>
        <translation>Le nom ne doit contenir ni caractères de contrôle ni sauts de ligne</translation>
    </message>
    <message numerus="yes">
        <source>Name must be at most %Ln character(s)</source>
        <translation>
            <numerusform>Le nom doit comporter au plus %Ln caractère</numerusform>
            <numerusform>Le nom doit comporter au plus %Ln caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>Secret name is required</source>
        <translation>Le nom secret est obligatoire</translation>
    </message>
    <message>
        <source>Secret name must be text</source>
        <translation>Le nom secret doit être du texte</translation>
    </message>
    <message>
        <source>Secret name must not contain control characters or line breaks</source>
        <translation>Le nom secret ne doit contenir ni caractères de contrôle ni sauts de ligne</translation>
    </message>
    <message numerus="yes">
        <source>Secret name must be at most %Ln character(s)</source>
        <translation>
            <numerusform>Le nom secret doit comporter au plus %Ln caractère</numerusform>
            <numerusform>Le nom secret doit comporter au plus %Ln caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>Age must be between {minimum} and {maximum}</source>
        <translation>L&apos;âge doit être compris entre {minimum} et {maximum}</translation>
    </message>
    <message>
        <source>Age must be a whole number</source>
        <translation>L&apos;âge doit être un nombre entier</translation>
    </message>
</context>
<context>
    <name>GoToHeroDialogWords</name>
    <message>
        <source>Go to Hero</source>
        <translation>Aller au héros</translation>
    </message>
    <message>
        <source>e.g. 42</source>
        <translation>p. ex. 42</translation>
    </message>
    <message>
        <source>The number in a hero&apos;s ID column</source>
        <translation>Le nombre de la colonne ID d&apos;un héros</translation>
    </message>
    <message>
        <source>Hero &amp;ID:</source>
        <translation>&amp;ID du héros&#xa0;:</translation>
    </message>
    <message>
        <source>Show this hero (Enter)</source>
        <translation>Afficher ce héros (Entrée)</translation>
    </message>
</context>
<context>
    <name>HeroEditingWords</name>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{reason} Your edit is back in the cell: press Enter.</source>
        <translation>{reason} Votre saisie a été remise dans la cellule&#xa0;: appuyez sur Entrée pour la valider.</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>a field without a value</comment>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>{field} is now {value}</source>
        <translation>{field} vaut maintenant {value}</translation>
    </message>
    <message>
        <source>Saved. Another program had changed {name} meanwhile: {changes}. Both changes are kept.</source>
        <translation>Enregistré. Un autre programme avait modifié {name} entre-temps&#xa0;: {changes}. Les deux modifications sont conservées.</translation>
    </message>
    <message numerus="yes">
        <source>Only the %Ln hero(es) on this page will be deleted.</source>
        <translation>
            <numerusform>Seul %Ln héros de cette page sera supprimé.</numerusform>
            <numerusform>Seuls les %Ln héros de cette page seront supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %Ln hero(es) of the view will be kept.</source>
        <translation>
            <numerusform>%Ln autre héros de la vue sera conservé.</numerusform>
            <numerusform>Les %Ln autres héros de la vue seront conservés.</numerusform>
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
        <translation>Nom</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Nom secret</translation>
    </message>
    <message>
        <source>hidden</source>
        <comment>a secret name not shown</comment>
        <translation>masqué</translation>
    </message>
    <message>
        <source>Hidden: View → Show Secret Names</source>
        <translation>Masqué&#xa0;: Affichage → Afficher les noms secrets</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>No heroes</source>
        <translation>Aucun héros</translation>
    </message>
    <message>
        <source>Matches: none on this page</source>
        <translation>Résultats&#xa0;: aucun sur cette page</translation>
    </message>
    <message>
        <source>Heroes: none on this page</source>
        <translation>Héros&#xa0;: aucun sur cette page</translation>
    </message>
    <message>
        <source>Matches {first}–{last} of about {total}</source>
        <translation>Résultats {first}–{last} sur environ {total}</translation>
    </message>
    <message>
        <source>Matches {first}–{last} of {total}</source>
        <translation>Résultats {first}–{last} sur {total}</translation>
    </message>
    <message>
        <source>Heroes {first}–{last} of {total}</source>
        <translation>Héros {first}–{last} sur {total}</translation>
    </message>
</context>
<context>
    <name>HeroTableViewWords</name>
    <message>
        <source>Enter saves the value, Esc leaves it as it was</source>
        <translation>Entrée enregistre la valeur, Échap la laisse inchangée</translation>
    </message>
    <message>
        <source>Heroes</source>
        <translation>Héros</translation>
    </message>
    <message>
        <source>One page of heroes: Enter or F2 edits a cell, Ctrl+N adds a hero, F1 lists the keys</source>
        <translation>Une page de héros&#xa0;: Entrée ou F2 modifie une cellule, Ctrl+N ajoute un héros, F1 liste les raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>HeroesWords</name>
    <message>
        <source>Heroes cannot be added to this database: its hero table also requires {columns}, which Hero Desktop does not know how to fill. Viewing, editing and deleting still work.</source>
        <translation>Impossible d&apos;ajouter des héros à cette base de données&#xa0;: sa table hero exige aussi {columns}, que Hero Desktop ne sait pas remplir. Vous pouvez toujours consulter, modifier et supprimer des héros.</translation>
    </message>
</context>
<context>
    <name>IndexOfferBarWords</name>
    <message>
        <source>Add Index (Alt+A)</source>
        <translation>Créer l&apos;index (Alt+A)</translation>
    </message>
    <message>
        <source>Add the name index now, in the background</source>
        <translation>Créer l&apos;index des noms maintenant, en arrière-plan</translation>
    </message>
    <message>
        <source>Add Index</source>
        <translation>Créer l&apos;index</translation>
    </message>
    <message>
        <source>Add the name index now, in the background (Alt+A)</source>
        <translation>Créer l&apos;index des noms maintenant, en arrière-plan (Alt+A)</translation>
    </message>
    <message>
        <source>Not Now (Alt+N)</source>
        <translation>Pas maintenant (Alt+N)</translation>
    </message>
    <message>
        <source>Keep the file as it is; search and sort still work</source>
        <translation>Laisser le fichier tel quel&#xa0;; la recherche et le tri fonctionnent quand même</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Keep the file as it is; search and sort still work (Alt+N)</source>
        <translation>Laisser le fichier tel quel&#xa0;; la recherche et le tri fonctionnent quand même (Alt+N)</translation>
    </message>
    <message>
        <source>Name index build</source>
        <translation>Création de l&apos;index des noms</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop building the name index; the file stays as it was</source>
        <translation>Arrêter la création de l&apos;index des noms&#xa0;; le fichier reste tel qu&apos;il était</translation>
    </message>
    <message>
        <source>Cancel the name index</source>
        <translation>Annuler la création de l&apos;index des noms</translation>
    </message>
    <message>
        <source>{offer} Alt+A adds the index, Alt+N: not now.</source>
        <translation>{offer} Alt+A crée l&apos;index, Alt+N&#xa0;: pas maintenant.</translation>
    </message>
    <message>
        <source>Building the name index…</source>
        <translation>Création de l&apos;index des noms…</translation>
    </message>
    <message>
        <source>Building the name index: sorting it…</source>
        <translation>Création de l&apos;index des noms&#xa0;: tri en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Building the name index: {done} of %Ln hero(es)…</source>
        <translation>
            <numerusform>Création de l&apos;index des noms&#xa0;: {done} héros sur %Ln…</numerusform>
            <numerusform>Création de l&apos;index des noms&#xa0;: {done} héros sur %Ln…</numerusform>
        </translation>
    </message>
    <message>
        <source>The name index is ready: search and name order are instant.</source>
        <translation>L&apos;index des noms est prêt&#xa0;: la recherche et le tri par nom sont instantanés.</translation>
    </message>
    <message>
        <source>The name index was not added: {problem}</source>
        <translation>L&apos;index des noms n&apos;a pas été créé&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>LocationWords</name>
    <message>
        <source>The port {port} is not a number from 1 to 65535.</source>
        <translation>Le port {port} n&apos;est pas un nombre compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The TLS mode (sslmode) {mode} is not one of: {modes}.</source>
        <translation>Le mode TLS (sslmode) {mode} ne fait pas partie des modes suivants&#xa0;: {modes}.</translation>
    </message>
    <message>
        <source>{database} on the local server</source>
        <translation>{database} sur le serveur local</translation>
    </message>
    <message>
        <source>{database} on the local server (port {port})</source>
        <translation>{database} sur le serveur local (port {port})</translation>
    </message>
    <message>
        <source>{database} on {host} (port {port})</source>
        <translation>{database} sur {host} (port {port})</translation>
    </message>
    <message>
        <source>{database} on {host}</source>
        <translation>{database} sur {host}</translation>
    </message>
    <message>
        <source>No database file or server address was given.</source>
        <translation>Aucun fichier de base de données ni aucune adresse de serveur n&apos;a été indiqué.</translation>
    </message>
    <message>
        <source>The host {host} in the server address is not a valid IPv6 address in brackets, as in [::1]:5432.</source>
        <translation>L&apos;hôte {host} dans l&apos;adresse du serveur n&apos;est pas une adresse IPv6 valide entre crochets, comme dans [::1]:5432.</translation>
    </message>
    <message>
        <source>The host {host} in the server address looks like an IPv6 address: put it in brackets, as in [::1]:5432.</source>
        <translation>L&apos;hôte {host} dans l&apos;adresse du serveur ressemble à une adresse IPv6&#xa0;: mettez-le entre crochets, comme dans [::1]:5432.</translation>
    </message>
    <message>
        <source>The setting {setting} in the server address has no value (settings are written keyword=value).</source>
        <translation>Le paramètre {setting} dans l&apos;adresse du serveur n&apos;a pas de valeur (les paramètres s&apos;écrivent mot-clé=valeur).</translation>
    </message>
    <message>
        <source>The server address holds a secret ({setting}) that Hero Desktop does not keep with an address; leave it out (a service in pg_service.conf can hold it).</source>
        <translation>L&apos;adresse du serveur contient un secret ({setting}) que Hero Desktop ne conserve pas avec une adresse&#xa0;; retirez-le (un service défini dans pg_service.conf peut le contenir).</translation>
    </message>
    <message>
        <source>The setting {setting} has its own place in a server address.</source>
        <translation>Le paramètre {setting} a un emplacement dédié dans une adresse de serveur.</translation>
    </message>
    <message>
        <source>The server address has a setting PostgreSQL does not know: {setting}.</source>
        <translation>L&apos;adresse du serveur contient un paramètre inconnu de PostgreSQL&#xa0;: {setting}.</translation>
    </message>
    <message>
        <source>The port {port} in the server address is not a number from 1 to 65535.</source>
        <translation>Le port {port} dans l&apos;adresse du serveur n&apos;est pas un nombre compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The user name in the server address has a stray % (write %25 for %).</source>
        <translation>Le nom d&apos;utilisateur dans l&apos;adresse du serveur contient un % isolé (écrivez %25 pour obtenir %).</translation>
    </message>
    <message>
        <source>The user name in the server address is not valid UTF-8.</source>
        <translation>Le nom d&apos;utilisateur dans l&apos;adresse du serveur n&apos;est pas en UTF-8 valide.</translation>
    </message>
    <message>
        <source>The user name in the server address holds a NUL character (%00).</source>
        <translation>Le nom d&apos;utilisateur dans l&apos;adresse du serveur contient un caractère NUL (%00).</translation>
    </message>
    <message>
        <source>The password in the server address has a stray % (write %25 for %).</source>
        <translation>Le mot de passe dans l&apos;adresse du serveur contient un % isolé (écrivez %25 pour obtenir %).</translation>
    </message>
    <message>
        <source>The password in the server address is not valid UTF-8.</source>
        <translation>Le mot de passe dans l&apos;adresse du serveur n&apos;est pas en UTF-8 valide.</translation>
    </message>
    <message>
        <source>The password in the server address holds a NUL character (%00).</source>
        <translation>Le mot de passe dans l&apos;adresse du serveur contient un caractère NUL (%00).</translation>
    </message>
    <message>
        <source>The host in the server address has a stray % (write %25 for %).</source>
        <translation>L&apos;hôte dans l&apos;adresse du serveur contient un % isolé (écrivez %25 pour obtenir %).</translation>
    </message>
    <message>
        <source>The host in the server address is not valid UTF-8.</source>
        <translation>L&apos;hôte dans l&apos;adresse du serveur n&apos;est pas en UTF-8 valide.</translation>
    </message>
    <message>
        <source>The host in the server address holds a NUL character (%00).</source>
        <translation>L&apos;hôte dans l&apos;adresse du serveur contient un caractère NUL (%00).</translation>
    </message>
    <message>
        <source>The database name in the server address has a stray % (write %25 for %).</source>
        <translation>Le nom de la base de données dans l&apos;adresse du serveur contient un % isolé (écrivez %25 pour obtenir %).</translation>
    </message>
    <message>
        <source>The database name in the server address is not valid UTF-8.</source>
        <translation>Le nom de la base de données dans l&apos;adresse du serveur n&apos;est pas en UTF-8 valide.</translation>
    </message>
    <message>
        <source>The database name in the server address holds a NUL character (%00).</source>
        <translation>Le nom de la base de données dans l&apos;adresse du serveur contient un caractère NUL (%00).</translation>
    </message>
    <message>
        <source>The setting name in the server address has a stray % (write %25 for %).</source>
        <translation>Le nom d&apos;un paramètre dans l&apos;adresse du serveur contient un % isolé (écrivez %25 pour obtenir %).</translation>
    </message>
    <message>
        <source>The setting name in the server address is not valid UTF-8.</source>
        <translation>Le nom d&apos;un paramètre dans l&apos;adresse du serveur n&apos;est pas en UTF-8 valide.</translation>
    </message>
    <message>
        <source>The setting name in the server address holds a NUL character (%00).</source>
        <translation>Le nom d&apos;un paramètre dans l&apos;adresse du serveur contient un caractère NUL (%00).</translation>
    </message>
    <message>
        <source>The setting value in the server address has a stray % (write %25 for %).</source>
        <translation>La valeur d&apos;un paramètre dans l&apos;adresse du serveur contient un % isolé (écrivez %25 pour obtenir %).</translation>
    </message>
    <message>
        <source>The setting value in the server address is not valid UTF-8.</source>
        <translation>La valeur d&apos;un paramètre dans l&apos;adresse du serveur n&apos;est pas en UTF-8 valide.</translation>
    </message>
    <message>
        <source>The setting value in the server address holds a NUL character (%00).</source>
        <translation>La valeur d&apos;un paramètre dans l&apos;adresse du serveur contient un caractère NUL (%00).</translation>
    </message>
    <message>
        <source>The server address names several hosts ({hosts}); Hero Desktop connects to one.</source>
        <translation>L&apos;adresse du serveur indique plusieurs hôtes ({hosts})&#xa0;; Hero Desktop ne se connecte qu&apos;à un seul.</translation>
    </message>
    <message>
        <source>The server address for the local server names no database. Add one after the host, as in postgresql://host/heroes.</source>
        <translation>L&apos;adresse du serveur local n&apos;indique aucune base de données. Ajoutez-en une après l&apos;hôte, comme dans postgresql://host/heroes.</translation>
    </message>
    <message>
        <source>The server address for {host} names no database. Add one after the host, as in postgresql://host/heroes.</source>
        <translation>L&apos;adresse du serveur {host} n&apos;indique aucune base de données. Ajoutez-en une après l&apos;hôte, comme dans postgresql://host/heroes.</translation>
    </message>
    <message>
        <source>The server address for the local server names no database.</source>
        <translation>L&apos;adresse du serveur local n&apos;indique aucune base de données.</translation>
    </message>
    <message>
        <source>The server address for the local server port {port} names no database.</source>
        <translation>L&apos;adresse du serveur local (port {port}) n&apos;indique aucune base de données.</translation>
    </message>
    <message>
        <source>The server address for {host} names no database.</source>
        <translation>L&apos;adresse du serveur {host} n&apos;indique aucune base de données.</translation>
    </message>
    <message>
        <source>The server address for {host} port {port} names no database.</source>
        <translation>L&apos;adresse du serveur {host} (port {port}) n&apos;indique aucune base de données.</translation>
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
            <numerusform>Environ %Ln résultat</numerusform>
            <numerusform>Environ %Ln résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln résultat</numerusform>
            <numerusform>%Ln résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>No heroes in this file.</source>
        <translation>Aucun héros dans ce fichier.</translation>
    </message>
    <message>
        <source>No heroes yet. Press Ctrl+N to add one.</source>
        <translation>Aucun héros pour l&apos;instant. Appuyez sur Ctrl+N pour en ajouter un.</translation>
    </message>
    <message>
        <source>{database} is damaged ({problem}). It is open read-only so that nothing makes it worse; restore it from a backup.</source>
        <translation>{database} est endommagé ({problem}). Il est ouvert en lecture seule pour ne pas aggraver les dégâts&#xa0;; restaurez-le à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>About Hero Desktop</source>
        <translation>À propos de Hero Desktop</translation>
    </message>
    <message>
        <source>Hero Desktop {version}

A keyboard-first roster of heroes.
Database: {database}</source>
        <translation>Hero Desktop {version}

Une liste de héros pensée pour le clavier.
Base de données&#xa0;: {database}</translation>
    </message>
    <message>
        <source>Import Heroes from CSV</source>
        <translation>Importer des héros depuis un CSV</translation>
    </message>
    <message>
        <source>Export Heroes to CSV</source>
        <translation>Exporter les héros en CSV</translation>
    </message>
    <message>
        <source>New Hero Database</source>
        <translation>Nouvelle base de données de héros</translation>
    </message>
    <message>
        <source>Open Hero Database</source>
        <translation>Ouvrir une base de données de héros</translation>
    </message>
</context>
<context>
    <name>MainWords</name>
    <message>
        <source>Hero Desktop needs a graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set.</source>
        <translation>Hero Desktop a besoin d&apos;un affichage graphique&#xa0;: ni DISPLAY ni WAYLAND_DISPLAY n&apos;est défini.</translation>
    </message>
    <message>
        <source>installed {path}</source>
        <translation>installé&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>MessageBarWords</name>
    <message>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>{kind}: {message}</source>
        <translation>{kind}&#xa0;: {message}</translation>
    </message>
</context>
<context>
    <name>NameCacheWords</name>
    <message>
        <source>Preparing the names for fast search and name order: {percent}%…</source>
        <translation>Préparation des noms pour une recherche et un tri par nom rapides&#xa0;: {percent}&#xa0;%…</translation>
    </message>
    <message>
        <source>The names are ready: search and name order are fast now.</source>
        <translation>Les noms sont prêts&#xa0;: la recherche et le tri par nom sont désormais rapides.</translation>
    </message>
</context>
<context>
    <name>NameKeysWords</name>
    <message>
        <source>The copy of the names in {folder} was damaged and has been removed: the next search makes it anew.</source>
        <translation>La copie des noms dans {folder} était endommagée et a été supprimée&#xa0;: la prochaine recherche la recrée.</translation>
    </message>
    <message>
        <source>Search and name order need a copy of the names in {folder}, which could not be made: {reason}</source>
        <translation>La recherche et le tri par nom ont besoin d&apos;une copie des noms dans {folder}, qui n&apos;a pas pu être créée&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>OperationsWords</name>
    <message>
        <source>Add {name}</source>
        <translation>Ajouter {name}</translation>
    </message>
    <message>
        <source>Edit Name of {name}</source>
        <translation>Modifier le nom de {name}</translation>
    </message>
    <message>
        <source>Edit Age of {name}</source>
        <translation>Modifier l&apos;âge de {name}</translation>
    </message>
    <message>
        <source>Edit Secret Name of {name}</source>
        <translation>Modifier le nom secret de {name}</translation>
    </message>
    <message numerus="yes">
        <source>Fill %Ln Cell(s)</source>
        <translation>
            <numerusform>Remplir %Ln cellule</numerusform>
            <numerusform>Remplir %Ln cellules</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste {cells} and {new_heroes}</source>
        <translation>Coller {cells} et {new_heroes}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln Cell(s)</source>
        <comment>Paste … and …</comment>
        <translation>
            <numerusform>%Ln cellule</numerusform>
            <numerusform>%Ln cellules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln New Hero(es)</source>
        <comment>Paste … and …</comment>
        <translation>
            <numerusform>%Ln nouveau héros</numerusform>
            <numerusform>%Ln nouveaux héros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln New Hero(es)</source>
        <translation>
            <numerusform>Coller %Ln nouveau héros</numerusform>
            <numerusform>Coller %Ln nouveaux héros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln Cell(s)</source>
        <translation>
            <numerusform>Coller %Ln cellule</numerusform>
            <numerusform>Coller %Ln cellules</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>Supprimer {name}</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln Hero(es)</source>
        <translation>
            <numerusform>Supprimer %Ln héros</numerusform>
            <numerusform>Supprimer %Ln héros</numerusform>
        </translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Importer {file}</translation>
    </message>
    <message>
        <source>This import cannot be undone: its heroes did not get ids in one range.</source>
        <translation>Impossible d&apos;annuler cette importation&#xa0;: ses héros n&apos;ont pas reçu des ID consécutifs.</translation>
    </message>
    <message>
        <source>Paste cancelled: nothing was changed.</source>
        <translation>Collage annulé&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Fill cancelled: nothing was changed.</source>
        <translation>Remplissage annulé&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>PageCountWords</name>
    <message>
        <source>Matches {first}–{last}, still counting the total…</source>
        <translation>Résultats {first}–{last}, total en cours de comptage…</translation>
    </message>
    <message>
        <source>Heroes {first}–{last}, still counting the total…</source>
        <translation>Héros {first}–{last}, total en cours de comptage…</translation>
    </message>
    <message>
        <source>of …</source>
        <translation>sur …</translation>
    </message>
    <message>
        <source>The number of pages is still being counted</source>
        <translation>Le nombre de pages est en cours de comptage</translation>
    </message>
    <message>
        <source>Page {page}; the number of pages is still being counted: type a page number and press Enter ({keys})</source>
        <translation>Page {page}&#xa0;; le nombre de pages est en cours de comptage&#xa0;: saisissez un numéro de page et appuyez sur Entrée ({keys})</translation>
    </message>
    <message>
        <source>Counting matches…</source>
        <translation>Comptage des résultats…</translation>
    </message>
    <message>
        <source>All heroes of the view selected (still counting them)</source>
        <translation>Tous les héros de la vue sélectionnés (comptage en cours)</translation>
    </message>
</context>
<context>
    <name>PagerBarWords</name>
    <message>
        <source>First page</source>
        <translation>Première page</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Dernière page</translation>
    </message>
    <message>
        <source>{name} ({keys})</source>
        <translation>{name} ({keys})</translation>
    </message>
    <message>
        <source>Keys: {keys}</source>
        <translation>Touches&#xa0;: {keys}</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter ({keys})</source>
        <translation>Numéro de page&#xa0;: saisissez-en un et appuyez sur Entrée ({keys})</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <source>Type a page number and press Enter ({keys})</source>
        <translation>Saisissez un numéro de page et appuyez sur Entrée ({keys})</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Taille de la page</translation>
    </message>
    <message>
        <source>How many heroes a page shows</source>
        <translation>Nombre de héros affichés par page</translation>
    </message>
    <message>
        <source>{size} per page</source>
        <translation>{size} par page</translation>
    </message>
    <message>
        <source>Page</source>
        <comment>before the page number field</comment>
        <translation>Page</translation>
    </message>
    <message>
        <source>of about {pages}</source>
        <comment>after the page number field</comment>
        <translation>sur environ {pages}</translation>
    </message>
    <message>
        <source>Page {page} of about {pages}: type a page number and press Enter ({keys})</source>
        <translation>Page {page} sur environ {pages}&#xa0;: saisissez un numéro de page et appuyez sur Entrée ({keys})</translation>
    </message>
    <message>
        <source>of {pages}</source>
        <comment>after the page number field</comment>
        <translation>sur {pages}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}: type a page number and press Enter ({keys})</source>
        <translation>Page {page} sur {pages}&#xa0;: saisissez un numéro de page et appuyez sur Entrée ({keys})</translation>
    </message>
</context>
<context>
    <name>PasteCellsWords</name>
    <message>
        <source>Choose the cell to paste into first.</source>
        <translation>Choisissez d&apos;abord la cellule où coller.</translation>
    </message>
    <message>
        <source>Add New Heroes?</source>
        <translation>Ajouter de nouveaux héros&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>The paste reaches past the last hero. Add its last %Ln row(s) as new heroes?

Cancel pastes nothing.</source>
        <translation>
            <numerusform>Le contenu collé dépasse le dernier héros de %Ln ligne. L&apos;ajouter comme nouveau héros&#xa0;?

Annuler ne colle rien.</numerusform>
            <numerusform>Le contenu collé dépasse le dernier héros de %Ln lignes. Les ajouter comme nouveaux héros&#xa0;?

Annuler ne colle rien.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was pasted.</source>
        <translation>Rien n&apos;a été collé.</translation>
    </message>
    <message>
        <source>The copied cells name columns but hold no heroes.</source>
        <translation>Les cellules copiées ne contiennent que des noms de colonnes, sans aucun héros.</translation>
    </message>
    <message>
        <source>Type a value in a cell (F2), then press Ctrl+Enter to put it in every selected cell of its column.</source>
        <translation>Saisissez une valeur dans une cellule (F2), puis appuyez sur Ctrl+Entrée pour la recopier dans toutes les cellules sélectionnées de sa colonne.</translation>
    </message>
    <message>
        <source>Select a cell and the cells below it: Fill Down copies the top one into the rest.</source>
        <translation>Sélectionnez une cellule et celles qui se trouvent en dessous&#xa0;: «&#xa0;Recopier vers le bas&#xa0;» copie la première dans les autres.</translation>
    </message>
    <message>
        <source>{field}: {problem}. Nothing was pasted.</source>
        <translation>{field}&#xa0;: {problem}. Rien n&apos;a été collé.</translation>
    </message>
    <message numerus="yes">
        <source>{change}. The ID column is never written: %Ln copied value(s) left out.</source>
        <translation>
            <numerusform>{change}&#xa0;: la colonne ID n&apos;est jamais modifiée, %Ln valeur copiée a donc été ignorée.</numerusform>
            <numerusform>{change}&#xa0;: la colonne ID n&apos;est jamais modifiée, %Ln valeurs copiées ont donc été ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no cells to paste.</source>
        <translation>Le presse-papiers ne contient aucune cellule à coller.</translation>
    </message>
</context>
<context>
    <name>PostgresAccessWords</name>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>PostgresErrorWords</name>
    <message>
        <source>The connection to {server} was lost, so nothing was changed. Hero Desktop reconnects by itself; try again when it is back.</source>
        <translation>La connexion à {server} a été perdue, rien n&apos;a donc été modifié. Hero Desktop se reconnecte automatiquement&#xa0;; réessayez une fois la connexion rétablie.</translation>
    </message>
    <message>
        <source>{server} asks for a password for your user, and none was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog).</source>
        <translation>{server} demande un mot de passe pour votre compte, et aucun n&apos;a été fourni (dans ~/.pgpass, PGPASSWORD ou la boîte de dialogue «&#xa0;Se connecter à un serveur&#xa0;»).</translation>
    </message>
    <message>
        <source>{server} asks for a password for {user}, and none was given (in ~/.pgpass, PGPASSWORD or the Connect to Server dialog).</source>
        <translation>{server} demande un mot de passe pour {user}, et aucun n&apos;a été fourni (dans ~/.pgpass, PGPASSWORD ou la boîte de dialogue «&#xa0;Se connecter à un serveur&#xa0;»).</translation>
    </message>
    <message>
        <source>{server} refused the password for {user}.</source>
        <translation>{server} a refusé le mot de passe de {user}.</translation>
    </message>
    <message>
        <source>{server} refused the password for your user.</source>
        <translation>{server} a refusé le mot de passe de votre compte.</translation>
    </message>
    <message>
        <source>The server has no database named {database}.</source>
        <translation>Le serveur n&apos;a aucune base de données nommée {database}.</translation>
    </message>
    <message>
        <source>The server has no user named {user}.</source>
        <translation>Le serveur n&apos;a aucun utilisateur nommé {user}.</translation>
    </message>
    <message>
        <source>The server has no user with your login name.</source>
        <translation>Le serveur n&apos;a aucun utilisateur portant votre nom de connexion.</translation>
    </message>
    <message>
        <source>{server} does not offer TLS, and the connection asks for it (TLS mode {mode}). Choose another TLS mode or enable TLS on the server.</source>
        <translation>{server} ne propose pas TLS, alors que la connexion l&apos;exige (mode TLS {mode}). Choisissez un autre mode TLS ou activez TLS sur le serveur.</translation>
    </message>
    <message>
        <source>{server} only accepts TLS connections from here. Choose the TLS mode “require” (or stronger) and connect again.</source>
        <translation>{server} n&apos;accepte que les connexions TLS depuis cet ordinateur. Choisissez le mode TLS «&#xa0;require&#xa0;» (Exiger TLS) ou un mode plus strict, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>{server} does not accept connections from {user} here.</source>
        <translation>{server} n&apos;accepte pas les connexions de {user} depuis cet ordinateur.</translation>
    </message>
    <message>
        <source>{server} does not accept connections from your user on this computer.</source>
        <translation>{server} n&apos;accepte pas les connexions de votre compte depuis cet ordinateur.</translation>
    </message>
    <message>
        <source>{user} may not connect to {database} on this server.</source>
        <translation>{user} n&apos;est pas autorisé à se connecter à {database} sur ce serveur.</translation>
    </message>
    <message>
        <source>Your user may not connect to {database} on this server.</source>
        <translation>Votre compte n&apos;est pas autorisé à se connecter à {database} sur ce serveur.</translation>
    </message>
    <message>
        <source>The TLS certificate of {server} could not be verified ({detail}).</source>
        <translation>Le certificat TLS de {server} n&apos;a pas pu être vérifié ({detail}).</translation>
    </message>
    <message>
        <source>Could not reach the PostgreSQL server for {server}. Check that it is running and that the host and port are right.</source>
        <translation>Impossible de joindre le serveur PostgreSQL de {server}. Vérifiez qu&apos;il est en marche et que l&apos;hôte et le port sont corrects.</translation>
    </message>
    <message>
        <source>Could not connect to {server}: {detail}.</source>
        <translation>Impossible de se connecter à {server}&#xa0;: {detail}.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>{server} reported an error: {detail}.</source>
        <translation>{server} a signalé une erreur&#xa0;: {detail}.</translation>
    </message>
    <message>
        <source>no detail</source>
        <comment>in place of a server&apos;s message</comment>
        <translation>aucun détail</translation>
    </message>
</context>
<context>
    <name>PostgresMaintenanceWords</name>
    <message>
        <source>{database} has no hero table.</source>
        <translation>{database} ne contient pas de table hero.</translation>
    </message>
    <message>
        <source>Cancelled: the name index works as it is; what it lacks is added the next time the database is opened.</source>
        <translation>Annulé&#xa0;: l&apos;index des noms fonctionne tel quel&#xa0;; ce qui lui manque sera ajouté à la prochaine ouverture de la base de données.</translation>
    </message>
    <message>
        <source>Cancelled: the other new heroes join the name index later; until then, search reads the whole table.</source>
        <translation>Annulé&#xa0;: les nouveaux héros restants seront ajoutés à l&apos;index des noms plus tard&#xa0;; d&apos;ici là, la recherche parcourt toute la table.</translation>
    </message>
    <message>
        <source>Cancelled: the name index was not added; the database is as it was.</source>
        <translation>Annulé&#xa0;: l&apos;index des noms n&apos;a pas été créé&#xa0;; la base de données est restée inchangée.</translation>
    </message>
</context>
<context>
    <name>PostgresOpeningWords</name>
    <message>
        <source>{database} has no hero table, and it is open read-only.</source>
        <translation>{database} ne contient pas de table hero, et la base est ouverte en lecture seule.</translation>
    </message>
    <message numerus="yes">
        <source>The hero table in {database} has no {columns} column(s), so Hero Desktop cannot use it. It was left untouched.</source>
        <translation>
            <numerusform>Il manque la colonne {columns} dans la table hero de {database}&#xa0;: Hero Desktop ne peut donc pas l&apos;utiliser. Elle n&apos;a pas été modifiée.</numerusform>
            <numerusform>Il manque les colonnes {columns} dans la table hero de {database}&#xa0;: Hero Desktop ne peut donc pas l&apos;utiliser. Elle n&apos;a pas été modifiée.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hero table in {database} cannot be read.</source>
        <translation>Impossible de lire la table hero de {database}.</translation>
    </message>
    <message>
        <source>{database} has no hero table, and your role may not create one. Ask the database&apos;s owner to open it once with Hero Desktop (or the tutorial&apos;s app).</source>
        <translation>{database} ne contient pas de table hero, et votre rôle n&apos;est pas autorisé à en créer une. Demandez au propriétaire de la base de données de l&apos;ouvrir une fois avec Hero Desktop (ou avec l&apos;application du tutoriel).</translation>
    </message>
    <message>
        <source>{database} has no hero table, and {user} may not create one. Ask the database&apos;s owner to open it once with Hero Desktop (or the tutorial&apos;s app).</source>
        <translation>{database} ne contient pas de table hero, et {user} n&apos;est pas autorisé à en créer une. Demandez au propriétaire de la base de données de l&apos;ouvrir une fois avec Hero Desktop (ou avec l&apos;application du tutoriel).</translation>
    </message>
</context>
<context>
    <name>PostgresStoreWords</name>
    <message>
        <source>Connection to {server} lost — reconnecting…</source>
        <translation>Connexion à {server} perdue — reconnexion…</translation>
    </message>
    <message>
        <source>The connection to {server} was lost while saving, and Hero Desktop cannot tell yet whether the change was saved. The roster will show what the server holds once it is back; check the change then.</source>
        <translation>La connexion à {server} a été perdue pendant l&apos;enregistrement, et Hero Desktop ne peut pas encore savoir si la modification a été enregistrée. La liste affichera le contenu du serveur dès que la connexion sera rétablie&#xa0;; vérifiez alors la modification.</translation>
    </message>
</context>
<context>
    <name>PromptsWords</name>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Bases de données SQLite (*.db *.sqlite *.sqlite3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Nom secret</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>  {field}: {value}</source>
        <comment>one field&apos;s value in a list of them</comment>
        <translation>  {field}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Hero Changed Elsewhere</source>
        <translation>Héros modifié ailleurs</translation>
    </message>
    <message>
        <source>Another program changed hero {id} since it was shown here.

It now reads:
{theirs}

{action}
{mine}</source>
        <translation>Un autre programme a modifié le héros {id} depuis qu&apos;il est affiché ici.

Ses valeurs actuelles&#xa0;:
{theirs}

{action}
{mine}</translation>
    </message>
    <message>
        <source>&amp;Use Mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>&amp;Keep Theirs</source>
        <translation>Garder la &amp;leur</translation>
    </message>
    <message>
        <source>Changes Not Written Yet</source>
        <translation>Modifications pas encore enregistrées</translation>
    </message>
    <message numerus="yes">
        <source>Another program is still writing {database}. Quit without the %Ln change(s) waiting for it to finish?</source>
        <translation>
            <numerusform>Un autre programme est encore en train d&apos;écrire dans {database}. Quitter en abandonnant %Ln modification qui attend la fin de cette écriture&#xa0;?</numerusform>
            <numerusform>Un autre programme est encore en train d&apos;écrire dans {database}. Quitter en abandonnant les %Ln modifications qui attendent la fin de cette écriture&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Not written if you quit now:</source>
        <translation>Ne sera pas enregistré si vous quittez maintenant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Keep Waiting</source>
        <translation>&amp;Continuer d&apos;attendre</translation>
    </message>
</context>
<context>
    <name>RowsWords</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Nom secret</translation>
    </message>
</context>
<context>
    <name>SearchBarWords</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln résultat</numerusform>
            <numerusform>%Ln résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>Search names (Ctrl+F)</source>
        <translation>Rechercher des noms (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search names</source>
        <translation>Rechercher des noms</translation>
    </message>
    <message>
        <source>Shows the heroes whose name contains what you type (Ctrl+F; Esc clears)</source>
        <translation>Affiche les héros dont le nom contient votre saisie (Ctrl+F&#xa0;; Échap efface)</translation>
    </message>
    <message>
        <source>from</source>
        <comment>the lowest age searched for</comment>
        <translation>min</translation>
    </message>
    <message>
        <source>Age from</source>
        <translation>Âge minimum</translation>
    </message>
    <message>
        <source>Heroes aged from this, {low} to {high}</source>
        <translation>Héros ayant au moins cet âge (de {low} à {high})</translation>
    </message>
    <message>
        <source>to</source>
        <comment>the highest age searched for</comment>
        <translation>max</translation>
    </message>
    <message>
        <source>Age to</source>
        <translation>Âge maximum</translation>
    </message>
    <message>
        <source>Heroes aged to this, {low} to {high}</source>
        <translation>Héros ayant au plus cet âge (de {low} à {high})</translation>
    </message>
    <message>
        <source>No age</source>
        <translation>Sans âge</translation>
    </message>
    <message>
        <source>Only the heroes without an age</source>
        <translation>Seulement les héros sans âge</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Age</source>
        <comment>before the age range fields</comment>
        <translation>Âge</translation>
    </message>
    <message>
        <source>No heroes match: the age &quot;from&quot; ({low}) is above &quot;to&quot; ({high}). Swap them, or press Esc to clear the search.</source>
        <translation>Aucun héros ne correspond&#xa0;: l&apos;âge «&#xa0;min&#xa0;» ({low}) est supérieur à l&apos;âge «&#xa0;max&#xa0;» ({high}). Inversez-les, ou appuyez sur Échap pour effacer la recherche.</translation>
    </message>
    <message>
        <source>No heroes match this search. Press Esc to clear it.</source>
        <translation>Aucun héros ne correspond à cette recherche. Appuyez sur Échap pour l&apos;effacer.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialogWords</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Each action of the menus, with its keys</source>
        <translation>Chaque action des menus, avec ses touches</translation>
    </message>
    <message>
        <source>{action}: {keys}</source>
        <translation>{action}&#xa0;: {keys}</translation>
    </message>
</context>
<context>
    <name>SqliteConnectionsWords</name>
    <message>
        <source>Could not open {path}. Its changes are in {wal}, which can only be read from a copy, and the copy failed: {reason}.</source>
        <translation>Impossible d&apos;ouvrir {path}. Ses modifications se trouvent dans {wal}, qui ne peut être lu qu&apos;à partir d&apos;une copie, et la copie a échoué&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>SqliteDatabaseWords</name>
    <message>
        <source>Could not open {path}. The folder {folder} does not exist.</source>
        <translation>Impossible d&apos;ouvrir {path}. Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} est un dossier, pas un fichier de base de données.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder is read-only.</source>
        <translation>Impossible de créer {path}&#xa0;: le dossier est en lecture seule.</translation>
    </message>
    <message>
        <source>{path} has no hero table, and it is read-only.</source>
        <translation>{path} ne contient pas de table hero, et le fichier est en lecture seule.</translation>
    </message>
</context>
<context>
    <name>SqliteErrorWords</name>
    <message>
        <source>Could not open {path}. {reason}</source>
        <translation>Impossible d&apos;ouvrir {path}. {reason}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The file is not a SQLite database.</source>
        <translation>Le fichier n&apos;est pas une base de données SQLite.</translation>
    </message>
    <message>
        <source>The database file is damaged (database disk image is malformed).</source>
        <translation>Le fichier de base de données est endommagé (database disk image is malformed).</translation>
    </message>
    <message>
        <source>The disk reported an input/output error. Nothing was changed.</source>
        <translation>Le disque a signalé une erreur d&apos;entrée/sortie. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The database refused the change ({detail}). Nothing was changed.</source>
        <translation>La base de données a refusé la modification ({detail}). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>SQLite could not open the file or the -wal and -shm files it keeps beside it ({detail}): check that the file and its folder can be read.</source>
        <translation>SQLite n&apos;a pas pu ouvrir le fichier ou les fichiers -wal et -shm qu&apos;il conserve à côté ({detail})&#xa0;: vérifiez que le fichier et son dossier sont accessibles en lecture.</translation>
    </message>
    <message>
        <source>The database reported an error: {detail}.</source>
        <translation>La base de données a signalé une erreur&#xa0;: {detail}.</translation>
    </message>
</context>
<context>
    <name>SqliteFilesWords</name>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>Impossible de lire {path}&#xa0;: {reason}.</translation>
    </message>
    <message numerus="yes">
        <source>The hero table in {path} has no {columns} column(s), so Hero Desktop cannot use it. The file was left untouched.</source>
        <translation>
            <numerusform>Il manque la colonne {columns} dans la table hero de {path}&#xa0;: Hero Desktop ne peut donc pas l&apos;utiliser. Le fichier n&apos;a pas été modifié.</numerusform>
            <numerusform>Il manque les colonnes {columns} dans la table hero de {path}&#xa0;: Hero Desktop ne peut donc pas l&apos;utiliser. Le fichier n&apos;a pas été modifié.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqliteNameIndexWords</name>
    <message>
        <source>Cancelled: the name index was not added; the file is as it was.</source>
        <translation>Annulé&#xa0;: l&apos;index des noms n&apos;a pas été créé&#xa0;; le fichier est resté inchangé.</translation>
    </message>
</context>
<context>
    <name>StatusAreaWords</name>
    <message>
        <source>Waiting for another program to finish writing {name}…</source>
        <translation>En attente de la fin de l&apos;écriture de {name} par un autre programme…</translation>
    </message>
    <message>
        <source>Waiting for the name index to finish building…</source>
        <translation>En attente de la fin de la création de l&apos;index des noms…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel waiting</source>
        <translation>Annuler l&apos;attente</translation>
    </message>
    <message>
        <source>Give up the change that waits (Esc)</source>
        <translation>Abandonner la modification en attente (Échap)</translation>
    </message>
    <message>
        <source>{waiting} Esc stops waiting.</source>
        <translation>{waiting} Échap arrête l&apos;attente.</translation>
    </message>
</context>
<context>
    <name>StoreSentencesWords</name>
    <message>
        <source>Hero Desktop can add a name index (a table, an FTS index and three triggers that only use SQLite built-ins) and switch the file to WAL mode, so that search and name order are instant. The tutorial&apos;s app keeps working with the file.</source>
        <translation>Hero Desktop peut créer un index des noms (une table, un index FTS et trois déclencheurs qui n&apos;utilisent que des fonctions intégrées de SQLite) et passer le fichier en mode WAL, afin que la recherche et le tri par nom soient instantanés. L&apos;application du tutoriel continue de fonctionner avec le fichier.</translation>
    </message>
    <message>
        <source>Hero Desktop can add a name index (two tables, an index on age, and triggers on the hero table) so that search and name order are instant and every open window sees other people&apos;s changes at once. The tutorial&apos;s app keeps working with the database; nothing in the hero table changes.</source>
        <translation>Hero Desktop peut créer un index des noms (deux tables, un index sur l&apos;âge et des déclencheurs sur la table hero) afin que la recherche et le tri par nom soient instantanés et que chaque fenêtre ouverte voie immédiatement les modifications des autres utilisateurs. L&apos;application du tutoriel continue de fonctionner avec la base de données&#xa0;; rien ne change dans la table hero.</translation>
    </message>
    <message>
        <source>Read-only: {name} was opened read-only on request (--read-only), so editing is turned off.</source>
        <translation>Lecture seule&#xa0;: {name} a été ouvert en lecture seule à votre demande (--read-only), la modification est donc désactivée.</translation>
    </message>
    <message>
        <source>Read-only: {name} is open read-only: your role may only read heroes here. Other people&apos;s changes show within about two seconds.</source>
        <translation>Lecture seule&#xa0;: {name} est ouvert en lecture seule, votre rôle ne permettant ici que de lire les héros. Les modifications des autres utilisateurs apparaissent en deux secondes environ.</translation>
    </message>
    <message>
        <source>Read-only: {name} has no Hero Desktop trigger, so other people&apos;s changes show within about two seconds (by asking the server) instead of at once.</source>
        <translation>Lecture seule&#xa0;: {name} n&apos;a pas de déclencheur Hero Desktop, les modifications des autres utilisateurs apparaissent donc en deux secondes environ (en interrogeant le serveur) au lieu d&apos;immédiatement.</translation>
    </message>
    <message>
        <source>Read-only: {name} is open read-only: your role may only read heroes here.</source>
        <translation>Lecture seule&#xa0;: {name} est ouvert en lecture seule, votre rôle ne permettant ici que de lire les héros.</translation>
    </message>
    <message>
        <source>Read-only: this database cannot be written, so editing is turned off.</source>
        <translation>Lecture seule&#xa0;: cette base de données n&apos;est pas accessible en écriture, la modification est donc désactivée.</translation>
    </message>
    <message>
        <source>{name} is open read-only: your role may only read heroes here. Other people&apos;s changes show within about two seconds.</source>
        <translation>{name} est ouvert en lecture seule&#xa0;: votre rôle ne permet ici que de lire les héros. Les modifications des autres utilisateurs apparaissent en deux secondes environ.</translation>
    </message>
    <message>
        <source>{name} has no Hero Desktop trigger, so other people&apos;s changes show within about two seconds (by asking the server) instead of at once.</source>
        <translation>{name} n&apos;a pas de déclencheur Hero Desktop, les modifications des autres utilisateurs apparaissent donc en deux secondes environ (en interrogeant le serveur) au lieu d&apos;immédiatement.</translation>
    </message>
    <message>
        <source>{name} is open read-only: your role may only read heroes here.</source>
        <translation>{name} est ouvert en lecture seule&#xa0;: votre rôle ne permet ici que de lire les héros.</translation>
    </message>
</context>
<context>
    <name>TableNavigatorWords</name>
    <message>
        <source>A hero id is a whole number, such as 42.</source>
        <translation>L&apos;ID d&apos;un héros est un nombre entier, par exemple 42.</translation>
    </message>
</context>
<context>
    <name>ViewCellsWords</name>
    <message>
        <source>Copy cancelled: the clipboard is as it was.</source>
        <translation>Copie annulée&#xa0;: le presse-papiers n&apos;a pas été modifié.</translation>
    </message>
</context>
<context>
    <name>ViewFillingWords</name>
    <message>
        <source>A fill is already running.</source>
        <translation>Un remplissage est déjà en cours.</translation>
    </message>
    <message>
        <source>Pasting cells</source>
        <translation>Collage des cellules</translation>
    </message>
    <message>
        <source>Filling cells</source>
        <translation>Remplissage des cellules</translation>
    </message>
</context>
<context>
    <name>WindowActionsWords</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Se connecter à un &amp;serveur…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Add Hero…</source>
        <translation>A&amp;jouter un héros…</translation>
    </message>
    <message>
        <source>&amp;Delete Heroes…</source>
        <translation>&amp;Supprimer des héros…</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Paste as &amp;New Heroes</source>
        <translation>Coller comme nou&amp;veaux héros</translation>
    </message>
    <message>
        <source>F&amp;ill Selection</source>
        <translation>Rem&amp;plir la sélection</translation>
    </message>
    <message>
        <source>Fill Do&amp;wn</source>
        <translation>Recopier vers le &amp;bas</translation>
    </message>
    <message>
        <source>&amp;Edit Cell</source>
        <translation>&amp;Modifier la cellule</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy with &amp;Headers</source>
        <translation>Copier avec les &amp;en-têtes</translation>
    </message>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>Select R&amp;ows</source>
        <translation>Sélectionner les &amp;lignes</translation>
    </message>
    <message>
        <source>Select Colu&amp;mns</source>
        <translation>Sélectionner les colo&amp;nnes</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Rec&amp;hercher…</translation>
    </message>
    <message>
        <source>C&amp;lear Search</source>
        <translation>E&amp;ffacer la recherche</translation>
    </message>
    <message>
        <source>&amp;Go to Hero…</source>
        <translation>&amp;Aller au héros…</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>Page p&amp;récédente</translation>
    </message>
    <message>
        <source>&amp;First Page</source>
        <translation>&amp;Première page</translation>
    </message>
    <message>
        <source>&amp;Last Page</source>
        <translation>&amp;Dernière page</translation>
    </message>
    <message>
        <source>Page N&amp;umber…</source>
        <translation>&amp;Numéro de page…</translation>
    </message>
    <message>
        <source>Show &amp;Secret Names</source>
        <translation>Afficher les noms &amp;secrets</translation>
    </message>
    <message>
        <source>Sort by &amp;ID</source>
        <translation>Trier par &amp;ID</translation>
    </message>
    <message>
        <source>Sort by &amp;Name</source>
        <translation>Trier par &amp;nom</translation>
    </message>
    <message>
        <source>Sort by &amp;Age</source>
        <translation>Trier par â&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>&amp;Décroissant</translation>
    </message>
    <message>
        <source>Move Column &amp;Left</source>
        <translation>Déplacer la colonne à &amp;gauche</translation>
    </message>
    <message>
        <source>Move Column &amp;Right</source>
        <translation>Déplacer la colonne à &amp;droite</translation>
    </message>
    <message>
        <source>Reset &amp;Columns</source>
        <translation>&amp;Rétablir les colonnes</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <source>&amp;Normal Text Size</source>
        <translation>Taille &amp;normale du texte</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Hero Desktop</source>
        <translation>À &amp;propos de Hero Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Aff&amp;ichage</translation>
    </message>
    <message>
        <source>Sort &amp;By</source>
        <translation>&amp;Trier par</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Edit cell: commit / cancel</source>
        <translation>Modifier une cellule&#xa0;: valider / annuler</translation>
    </message>
    <message>
        <source>Enter or Tab / Esc</source>
        <translation>Entrée ou Tab / Échap</translation>
    </message>
    <message>
        <source>Select a rectangle of cells / add a cell</source>
        <translation>Sélectionner un rectangle de cellules / ajouter une cellule</translation>
    </message>
    <message>
        <source>Shift+arrows / Ctrl+click</source>
        <translation>Maj+flèches / Ctrl+clic</translation>
    </message>
    <message>
        <source>Clear search, back to where you were</source>
        <translation>Effacer la recherche et revenir où vous étiez</translation>
    </message>
    <message>
        <source>Esc (in the search box)</source>
        <translation>Échap (dans le champ de recherche)</translation>
    </message>
    <message>
        <source>Search now and go to the results</source>
        <translation>Rechercher maintenant et aller aux résultats</translation>
    </message>
    <message>
        <source>Enter, Down (in the search box)</source>
        <translation>Entrée, Bas (dans le champ de recherche)</translation>
    </message>
    <message>
        <source>Page number field: go to the page / leave it</source>
        <translation>Champ du numéro de page&#xa0;: aller à la page / le quitter</translation>
    </message>
    <message>
        <source>Enter / Esc</source>
        <translation>Entrée / Échap</translation>
    </message>
    <message>
        <source>Stop waiting for another program&apos;s lock</source>
        <translation>Cesser d&apos;attendre qu&apos;un autre programme ait fini d&apos;écrire</translation>
    </message>
    <message>
        <source>Esc (while it waits)</source>
        <translation>Échap (pendant l&apos;attente)</translation>
    </message>
    <message>
        <source>Columns menu (show, hide, move, reset)</source>
        <translation>Menu Colonnes (afficher, masquer, déplacer, rétablir)</translation>
    </message>
    <message>
        <source>{keys} (in the table)</source>
        <translation>{keys} (dans le tableau)</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be added.</source>
        <translation>{database} est ouvert en lecture seule&#xa0;: impossible d&apos;ajouter des héros.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be deleted.</source>
        <translation>{database} est ouvert en lecture seule&#xa0;: impossible de supprimer des héros.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be edited.</source>
        <translation>{database} est ouvert en lecture seule&#xa0;: impossible de modifier des héros.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be imported.</source>
        <translation>{database} est ouvert en lecture seule&#xa0;: impossible d&apos;importer des héros.</translation>
    </message>
    <message>
        <source>{database} is open read-only, so heroes cannot be changed.</source>
        <translation>{database} est ouvert en lecture seule&#xa0;: les héros ne peuvent pas être modifiés.</translation>
    </message>
</context>
<context>
    <name>WindowManagerWords</name>
    <message>
        <source>Could not open {database}. {reason}</source>
        <translation>Impossible d&apos;ouvrir {database}. {reason}</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <source>{reason} Showing your default database instead.</source>
        <translation>{reason} Votre base de données par défaut est affichée à la place.</translation>
    </message>
    <message>
        <source>Cannot Reach Server</source>
        <translation>Impossible de joindre le serveur</translation>
    </message>
    <message>
        <source>Unexpected Error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

The details were written to the log file in the app data folder. Your confirmed changes are saved.</source>
        <translation>Une erreur s&apos;est produite&#xa0;: {error}

Les détails ont été écrits dans le fichier journal, dans le dossier de données de l&apos;application. Vos modifications confirmées sont enregistrées.</translation>
    </message>
</context>
</TS>
