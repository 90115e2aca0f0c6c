package web

import (
	"bytes"
	"encoding/csv"
	"mime"
	"net/http"
)

// writeCSV sends records as a CSV download named file. The rows are written to
// a buffer first, so a failure cannot leave a truncated file that looks whole.
func writeCSV(w http.ResponseWriter, file string, recs Records) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.WriteAll(recs); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": file}))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
