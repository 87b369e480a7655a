// Package layout holds no code, only the test that keeps the repository's structure
// as README.md draws it: every package named in the architecture section, and every
// import running one way along the README's import line.
package layout
