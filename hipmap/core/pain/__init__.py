"""The user's pain: pain maps and their file format, matching against the atlas, before/after figures."""
