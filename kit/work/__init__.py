"""Student work: W3C annotations, anchoring, the work-file store, answer keys and export."""
