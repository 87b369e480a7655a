// Package web serves the tenant's case page and the staff console from the daemon:
// the page a notice links to (a random token bound to one case and tenant, no
// login), and the queue, case detail and actions of the staff (local accounts or a
// trusted proxy's identity header; roles viewer, reviewer, approver). Both sides call
// the notify operations the CLI calls; nothing here decides a case.
//
// Security: every form carries a CSRF token (an HMAC of the session or link, checked
// on every POST) and every request passes net/http.CrossOriginProtection (Fetch
// metadata and Origin); cookies are Secure, HttpOnly, SameSite=Strict and
// __Host- prefixed; a strict Content-Security-Policy allows no script at all (the
// pages work without JavaScript); logins and token pages are rate limited per client
// address; every tenant-controlled string goes through the notices' cleaning
// (mail.Clean) and html/template's escaping.
package web
