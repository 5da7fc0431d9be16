"""The user interface: magics, widget, renderers. Only the extension entry points import it."""
