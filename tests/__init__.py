"""The tests: tests/<folder>/ holds the tests of pipeline/<folder>/ (test_house.py checks that, and the
package's own layout), tests/support/ the helpers they share, imported as a package. The fixture folders
(fixtures/, fixtures-ru/, fixtures-more/, corpus/) hold PDFs and their truth records."""
