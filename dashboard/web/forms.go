package web

import (
	"net/http"
)

const (
	themeCookie = "sa_theme"
	flashCookie = "sa_flash"
)

// themeOf returns the theme remembered for this browser: "light", "dark", or ""
// to follow the system setting.
func themeOf(r *http.Request) string {
	if ck, err := r.Cookie(themeCookie); err == nil && (ck.Value == "light" || ck.Value == "dark") {
		return ck.Value
	}
	return ""
}

// refused answers a POST whose token is missing or wrong.
func (h *handler) refused(w http.ResponseWriter, r *http.Request) {
	v := &view{Title: "Request refused", Status: http.StatusForbidden, Path: "/",
		Err: "This form has expired or came from another site. Reload the page and try again."}
	h.chrome(w, r, v, nil)
	h.render(w, v)
}

// serveRefresh runs the pipeline's refresh and returns to the page it came from.
func (h *handler) serveRefresh(w http.ResponseWriter, r *http.Request) {
	if !h.csrf.check(r) {
		h.refused(w, r)
		return
	}
	back := localReturn(r.PostFormValue("return"))
	if h.cfg.Refresh == nil {
		http.Error(w, "refresh is not available on this server", http.StatusNotImplemented)
		return
	}
	ctx, cancel := h.ctx(r)
	defer cancel()
	if err := h.cfg.Refresh(ctx); err != nil {
		e := asError(err)
		h.log.Error("refresh failed", "err", err)
		v := &view{Title: "Refresh failed", Status: e.Status, Path: back, Err: "The refresh did not complete: " + e.Message}
		h.chrome(w, r, v, nil)
		h.render(w, v)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "refreshed", Path: "/", MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// serveTheme remembers the theme in a cookie; "auto" forgets it. A script's
// request gets 204, a plain form goes back to its page.
func (h *handler) serveTheme(w http.ResponseWriter, r *http.Request) {
	if !h.csrf.check(r) {
		h.refused(w, r)
		return
	}
	switch t := r.PostFormValue("theme"); t {
	case "light", "dark":
		http.SetCookie(w, &http.Cookie{Name: themeCookie, Value: t, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	case "auto":
		http.SetCookie(w, &http.Cookie{Name: themeCookie, Path: "/", MaxAge: -1})
	default:
		http.Error(w, `theme must be "light", "dark" or "auto"`, http.StatusBadRequest)
		return
	}
	if r.Header.Get("X-Requested-With") == "fetch" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, localReturn(r.PostFormValue("return")), http.StatusSeeOther)
}
