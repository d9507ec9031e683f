<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CellPasteWords</name>
    <message numerus="yes">
        <source>The copied cells are {width} columns wide, but only %Ln column(s) are shown from the current one. Nothing was pasted.</source>
        <translation>
            <numerusform>The copied cells are {width} columns wide, but only %Ln column is shown from the current one. Nothing was pasted.</numerusform>
            <numerusform>The copied cells are {width} columns wide, but only %Ln columns are shown from the current one. Nothing was pasted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CellSelectionWords</name>
    <message numerus="yes">
        <source>All %Ln hero(es) selected</source>
        <translation>
            <numerusform>All %Ln hero selected</numerusform>
            <numerusform>All %Ln heroes selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation>
            <numerusform>%Ln row selected</numerusform>
            <numerusform>%Ln rows selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) selected</source>
        <translation>
            <numerusform>%Ln column selected</numerusform>
            <numerusform>%Ln columns selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) selected</source>
        <translation>
            <numerusform>%Ln cell selected</numerusform>
            <numerusform>%Ln cells selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyCellsWords</name>
    <message numerus="yes">
        <source>Copied %Ln hero(es).</source>
        <translation>
            <numerusform>Copied %Ln hero.</numerusform>
            <numerusform>Copied %Ln heroes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvIoWords</name>
    <message numerus="yes">
        <source>Expected %Ln value(s), found {found}</source>
        <translation>
            <numerusform>Expected %Ln value, found {found}</numerusform>
            <numerusform>Expected %Ln values, found {found}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvReadingWords</name>
    <message numerus="yes">
        <source>The column(s) {columns} will be ignored.</source>
        <translation>
            <numerusform>The column {columns} will be ignored.</numerusform>
            <numerusform>The columns {columns} will be ignored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The header has no {columns} column(s)</source>
        <translation>
            <numerusform>The header has no {columns} column</numerusform>
            <numerusform>The header has no {columns} columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Column {columns} appears more than once</source>
        <translation>
            <numerusform>Column {columns} appears more than once</numerusform>
            <numerusform>Columns {columns} appear more than once</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvTransferWords</name>
    <message numerus="yes">
        <source>{done} of %Ln hero(es)</source>
        <translation>
            <numerusform>{done} of %Ln hero</numerusform>
            <numerusform>{done} of %Ln heroes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hero(es)</source>
        <translation>
            <numerusform>%Ln hero</numerusform>
            <numerusform>%Ln heroes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln hero(es).</source>
        <translation>
            <numerusform>Imported %Ln hero.</numerusform>
            <numerusform>Imported %Ln heroes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln hero(es).</source>
        <translation>
            <numerusform>Exported %Ln hero.</numerusform>
            <numerusform>Exported %Ln heroes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteHeroesDialogWords</name>
    <message numerus="yes">
        <source>Delete these %Ln heroes?</source>
        <translation>
            <numerusform>Delete this %Ln hero?</numerusform>
            <numerusform>Delete these %Ln heroes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…and %Ln more</numerusform>
            <numerusform>…and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoWords</name>
    <message numerus="yes">
        <source>{path} already holds %Ln hero(es); nothing was changed (use --force to replace them).</source>
        <translation>
            <numerusform>{path} already holds %Ln hero; nothing was changed (use --force to replace them).</numerusform>
            <numerusform>{path} already holds %Ln heroes; nothing was changed (use --force to replace them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Made %Ln hero(es) in {path} (seed {seed}) in {seconds} s.</source>
        <translation>
            <numerusform>Made %Ln hero in {path} (seed {seed}) in {seconds} s.</numerusform>
            <numerusform>Made %Ln heroes in {path} (seed {seed}) in {seconds} s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message numerus="yes">
        <source>Nothing was imported: the file has %Ln problem(s).</source>
        <translation>
            <numerusform>Nothing was imported: the file has %Ln problem.</numerusform>
            <numerusform>Nothing was imported: the file has %Ln problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more problem(s).</source>
        <translation>
            <numerusform>…and %Ln more problem.</numerusform>
            <numerusform>…and %Ln more problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsWords</name>
    <message numerus="yes">
        <source>Name must be at most %Ln character(s)</source>
        <translation>
            <numerusform>Name must be at most %Ln character</numerusform>
            <numerusform>Name must be at most %Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Secret name must be at most %Ln character(s)</source>
        <translation>
            <numerusform>Secret name must be at most %Ln character</numerusform>
            <numerusform>Secret name must be at most %Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeroEditingWords</name>
    <message numerus="yes">
        <source>Only the %Ln hero(es) on this page will be deleted.</source>
        <translation>
            <numerusform>Only the %Ln hero on this page will be deleted.</numerusform>
            <numerusform>Only the %Ln heroes on this page will be deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %Ln hero(es) of the view will be kept.</source>
        <translation>
            <numerusform>The other %Ln hero of the view will be kept.</numerusform>
            <numerusform>The other %Ln heroes of the view will be kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndexOfferBarWords</name>
    <message numerus="yes">
        <source>Building the name index: {done} of %Ln hero(es)…</source>
        <translation>
            <numerusform>Building the name index: {done} of %Ln hero…</numerusform>
            <numerusform>Building the name index: {done} of %Ln heroes…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindowWords</name>
    <message numerus="yes">
        <source>About %Ln match(es)</source>
        <translation>
            <numerusform>About %Ln match</numerusform>
            <numerusform>About %Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OperationsWords</name>
    <message numerus="yes">
        <source>Fill %Ln Cell(s)</source>
        <translation>
            <numerusform>Fill %Ln Cell</numerusform>
            <numerusform>Fill %Ln Cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Cell(s)</source>
        <comment>Paste … and …</comment>
        <translation>
            <numerusform>%Ln Cell</numerusform>
            <numerusform>%Ln Cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln New Hero(es)</source>
        <comment>Paste … and …</comment>
        <translation>
            <numerusform>%Ln New Hero</numerusform>
            <numerusform>%Ln New Heroes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln New Hero(es)</source>
        <translation>
            <numerusform>Paste %Ln New Hero</numerusform>
            <numerusform>Paste %Ln New Heroes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %Ln Cell(s)</source>
        <translation>
            <numerusform>Paste %Ln Cell</numerusform>
            <numerusform>Paste %Ln Cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln Hero(es)</source>
        <translation>
            <numerusform>Delete %Ln Hero</numerusform>
            <numerusform>Delete %Ln Heroes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasteCellsWords</name>
    <message numerus="yes">
        <source>The paste reaches past the last hero. Add its last %Ln row(s) as new heroes?

Cancel pastes nothing.</source>
        <translation>
            <numerusform>The paste reaches past the last hero. Add its last %Ln row as a new hero?

Cancel pastes nothing.</numerusform>
            <numerusform>The paste reaches past the last hero. Add its last %Ln rows as new heroes?

Cancel pastes nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{change}. The ID column is never written: %Ln copied value(s) left out.</source>
        <translation>
            <numerusform>{change}. The ID column is never written: %Ln copied value left out.</numerusform>
            <numerusform>{change}. The ID column is never written: %Ln copied values left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostgresOpeningWords</name>
    <message numerus="yes">
        <source>The hero table in {database} has no {columns} column(s), so Hero Desktop cannot use it. It was left untouched.</source>
        <translation>
            <numerusform>The hero table in {database} has no {columns} column, so Hero Desktop cannot use it. It was left untouched.</numerusform>
            <numerusform>The hero table in {database} has no {columns} columns, so Hero Desktop cannot use it. It was left untouched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptsWords</name>
    <message numerus="yes">
        <source>Another program is still writing {database}. Quit without the %Ln change(s) waiting for it to finish?</source>
        <translation>
            <numerusform>Another program is still writing {database}. Quit without the %Ln change waiting for it to finish?</numerusform>
            <numerusform>Another program is still writing {database}. Quit without the %Ln changes waiting for it to finish?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchBarWords</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SqliteFilesWords</name>
    <message numerus="yes">
        <source>The hero table in {path} has no {columns} column(s), so Hero Desktop cannot use it. The file was left untouched.</source>
        <translation>
            <numerusform>The hero table in {path} has no {columns} column, so Hero Desktop cannot use it. The file was left untouched.</numerusform>
            <numerusform>The hero table in {path} has no {columns} columns, so Hero Desktop cannot use it. The file was left untouched.</numerusform>
        </translation>
    </message>
</context>
</TS>
