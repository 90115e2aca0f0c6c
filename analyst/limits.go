package analyst

import (
	"errors"
	"fmt"
	"io"
)

// MaxJSONDepth is how deeply the objects and arrays of an answer, an event or an
// error body may nest; a real answer nests fewer than ten levels. Deeper input is
// refused before it is decoded.
const MaxJSONDepth = 64

// checkDepth refuses JSON nested more than MaxJSONDepth deep. It scans once,
// skipping strings; whether the JSON is valid is left to the decoder.
func checkDepth(b []byte) error {
	depth, inString, escaped := 0, false, false
	for _, c := range b {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			if depth++; depth > MaxJSONDepth {
				return fmt.Errorf("%w: JSON nested more than %d deep", ErrMalformedResponse, MaxJSONDepth)
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// readBody reads a non-streamed body of at most limit bytes.
func readBody(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("analyst: read response: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return body, nil
}

// boundedReader passes through at most limit bytes of a stream, then fails with
// a *TooLargeError — unless the stream ends exactly there.
type boundedReader struct {
	r     io.Reader
	left  int64
	limit int64
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if b.left <= 0 {
		var probe [1]byte
		n, err := b.r.Read(probe[:])
		if n == 0 && errors.Is(err, io.EOF) {
			return 0, io.EOF
		}
		return 0, &TooLargeError{Limit: b.limit, Stream: true}
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}
