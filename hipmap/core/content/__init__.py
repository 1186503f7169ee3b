"""Content: data/ and assets/ read into typed, frozen objects and validated (FILE:LINE problems)."""
