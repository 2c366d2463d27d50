"""The editor's dialogs. Each exposes a classmethod that returns `(value, accepted)` so tests and the main window
need not click through them:

- `preferences.PreferencesDialog.edit(parent, prefs) -> tuple[Preferences, bool]`
- `confirm.ConfirmAcceptAllDialog.ask(parent, rule, items) -> tuple[bool, bool]`
- `encoding.EncodingDialog.choose(parent, current, raw=None) -> tuple[str, bool]`
- `find_replace.FindReplaceDialog(editor, apply_edit, parent)`: a non-modal tool window (see its module).
- `export.ExportDialog.ask(parent, folder) -> tuple[ExportChoice, bool]` (formats from `editor.formats.export`)
- `keys.KeysDialog(parent)`: the keyboard shortcuts, read from the actions.

Import the submodules directly; this package imports nothing itself (the find dialog's regex worker process loads
this package and must stay light).
"""
