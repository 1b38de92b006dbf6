"""Infrastructure: where files live, the one private writer, and the garbage collector."""
