"""The class: course, release, collect, the class tables and agreement, the printable report."""
