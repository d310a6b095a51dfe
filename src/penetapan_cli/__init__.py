"""penetapan: the deadline to declare the elected Pilkada pair after the Constitutional Court."""

__version__ = "0.1.0"
