//go:build !unix

package connection

// openNonBlocking is zero where O_NONBLOCK does not exist; Stat's regular-file
// check still keeps FIFOs out.
const openNonBlocking = 0
