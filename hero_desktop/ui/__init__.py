"""The Qt front end: the main window, the table model, dialogs and undo commands."""
