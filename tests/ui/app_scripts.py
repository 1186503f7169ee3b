"""Pieces of the scripts that run hipmap.ui.app.main() in a process of its own (cold and warm start tests): the
script defines hook() (run once the event loop turns) and done() (polled on a timer)."""

QUIT_CLEAN = '''
def quit_clean(window):
    """Leave nothing behind: no unsaved changes to ask about, no autosave to offer next time."""
    window.document.undo_stack.setClean()
    window.files.clear_autosave()
    app.quit()
'''

RUN_MAIN = '''
timer = QTimer()
QTimer.singleShot(0, hook)
hipmap_app.main([])
'''
