"""Tests of pipeline/convert/map/: labels matched to fields by spelling, by meaning and by place."""
