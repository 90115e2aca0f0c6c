package termui

import "errors"

// ErrInvalid is returned (wrapped) for input a renderer refuses: a row with the
// wrong number of cells, an unknown alignment, a negative bar. The message names
// the table or chart, the item and what is valid.
var ErrInvalid = errors.New("termui: invalid input")

// errNoTerminal stands in for a terminal size that cannot be read.
var errNoTerminal = errors.New("termui: not a terminal")
