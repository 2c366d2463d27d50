"""Secondary widgets of the editor window: the category legend (`legend`) and the links panel (`links`).

Import the submodules directly (`from editor.gui.widgets.legend import LegendWidget`); this package imports
nothing itself so that loading one widget does not load the others.
"""
