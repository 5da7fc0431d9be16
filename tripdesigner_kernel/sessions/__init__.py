"""Sessions: plain records, where they are stored, and the manager that edits them."""
