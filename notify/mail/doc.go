// Package mail is the notifier's mail side: it renders notices with the embedded
// templates (en, zh-CN; an override folder replaces files one by one) into complete
// messages whose every tenant-controlled string is cleaned first, derives their
// Message-IDs, delivers the stored bytes through SMTP or into a mail folder, and
// drains the outbox with a Sender that records each outcome in the store. It decides
// nothing about cases: package notify says what is due, package store keeps it.
package mail
