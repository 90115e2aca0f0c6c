package web

import (
	"mime"
	"net/http"
)

// writeCSV sends a whole CSV file as a download named file; the export built it
// in memory, so a failure cannot leave a truncated file that looks whole.
func writeCSV(w http.ResponseWriter, file string, body []byte) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": file}))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
}
