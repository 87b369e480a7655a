// Package deploy holds what installs aupscan rather than Go code: the systemd unit's
// template (aupscand.service.in) and the source install's unit made from it, the
// packaged configuration (aupscand.toml), the .deb's nfpm configuration and
// maintainer scripts (nfpm.yaml, debian/). Its tests build and install them for real:
// the unit through systemd-analyze and a notify socket, the .deb with dpkg, the
// README's install steps in a fresh copy of the repository.
package deploy
