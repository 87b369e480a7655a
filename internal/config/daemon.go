package config

import "github.com/aupscan/aupscan/internal/units"

// IdentityConfig names the machine the daemon runs on. Findings from sources without a
// mapping of their own (a host root or an interface without host) carry this host id;
// the notifier maps host ids to tenants.
type IdentityConfig struct {
	// Host is the host id; when empty it is read from HostFile, and when that is
	// missing too, the host name is used.
	Host string `toml:"host"`
	// HostFile is read for the host id when Host is empty; /etc/machine-id by default.
	HostFile string `toml:"host_file"`
	// Tenant, when set, adds Host to that tenant's hosts in [notify]: the one-host
	// deployment says "this machine is tenant X's" without repeating its id.
	Tenant string `toml:"tenant"`
}

// HostConfig is the host scanner's: which systems it reads, when, and how politely.
type HostConfig struct {
	// Roots are the systems scanned: "/" for this machine, or VM disk images or
	// snapshots mounted read-only, each mapped to its host (and tenant).
	Roots []HostRoot `toml:"root"`
	// Paths are the folders walked inside every root; empty takes the scanner's
	// defaults (/bin, /usr, /opt, /home, /srv, /tmp, /etc and the like).
	Paths []string `toml:"paths"`
	// Exclude are path globs (as rules write them) never entered or read.
	Exclude []string `toml:"exclude"`
	// Schedule is when full scans run: a cron expression of five fields
	// ("30 3 * * *") or a descriptor ("@daily", "@every 6h"). Empty: only --once,
	// start-up (OnStart) and watched folders trigger scans.
	Schedule string `toml:"schedule"`
	// OnStart runs a full scan as soon as the daemon starts.
	OnStart bool `toml:"on_start"`
	// Processes scans running processes and their listening sockets (root "/" only);
	// reading other users' /proc/PID/exe needs CAP_SYS_PTRACE.
	Processes bool `toml:"processes"`
	// Workers read files in parallel; 0 takes one per CPU (capped by limits.cpus).
	Workers int `toml:"workers"`
	// Rate caps the bytes read a second over all workers ("20MiB"); empty: no cap.
	Rate units.Size `toml:"rate"`
	// MaxSize skips larger files, reported as skipped ("512MiB" by default).
	MaxSize units.Size `toml:"max_size"`
	// MaxDepth is how many folders deep below a path a walk goes (256 by default);
	// deeper folders are reported as skipped.
	MaxDepth int `toml:"max_depth"`
	// CrossDevice lets a walk enter other filesystems mounted below a path.
	CrossDevice bool `toml:"cross_device"`
	// Archives bounds the opening of archives, whose members are scanned like files.
	Archives HostArchives `toml:"archives"`
	// Watch are folders (host paths, not inside a root) watched for changes: a file
	// written there is scanned at once, with the host and tenant of the first root.
	Watch []string `toml:"watch"`
}

// HostRoot is one system the host scanner reads.
type HostRoot struct {
	// Path is the root folder: "/" or a mounted image, relative to the
	// configuration file's folder unless absolute.
	Path string `toml:"path"`
	// Host is the host id findings carry; identity.host when empty.
	Host string `toml:"host"`
	// Tenant adds Host to that tenant's hosts in [notify].
	Tenant string `toml:"tenant"`
}

// CaptureConfig is the traffic scanner's: live interfaces, replayed files, and how
// addresses and MACs map to hosts.
type CaptureConfig struct {
	Interfaces []CaptureInterface `toml:"interface"`
	// Files are capture files (pcap, pcapng, gzipped) or folders of them, scanned in
	// full each cycle; a replay source for tests and for captures taken elsewhere.
	Files []CaptureFile `toml:"file"`
	// Maps give the host of a flow by its tenant-side address or MAC, for interfaces
	// and files that carry several VMs (a bridge).
	Maps []CaptureMap `toml:"map"`
	// SnapLen is the bytes kept of each live packet; 0 takes 4096.
	SnapLen int `toml:"snap_len"`
	// RingSize is each live interface's receive ring (TPACKET_V3, whole MiB blocks):
	// the traffic the kernel holds while the reader is not scheduled. 0 takes 8 MiB;
	// at most 1 GiB.
	RingSize units.Size `toml:"ring_size"`
	// MaxPayloads is how many payloads each way a flow is inspected (datagrams; for
	// TCP, turns of the conversation, however its segments are cut); 0 takes the
	// scanner's default (10).
	MaxPayloads int `toml:"max_payloads"`
	// StreamBytes is how many bytes of each direction of a TCP stream are put in
	// order and inspected; 0 takes the scanner's default (16 KiB).
	StreamBytes units.Size `toml:"stream_bytes"`
	// ReassemblyMemory bounds what all flows of one capture hold of TCP bytes out of
	// order or short of a whole message, and of IP fragments; 0 takes 64 MiB.
	ReassemblyMemory units.Size `toml:"reassembly_memory"`
	// MaxFlows caps each live interface's flow table; past it a new flow evicts one
	// that is done or idle, or is dropped and counted. 0 takes DefaultLiveFlows: a
	// VM's tap carries far fewer flows than the scanner's general default, and every
	// tracked flow holds memory.
	MaxFlows int `toml:"max_flows"`
}

// CaptureInterface is one interface captured live (CAP_NET_RAW).
type CaptureInterface struct {
	Name string `toml:"name"`
	// Host is the host id of every flow on this interface (a VM's tap device); empty:
	// the maps decide, then identity.host.
	Host   string `toml:"host"`
	Tenant string `toml:"tenant"`
	// Filter is the built-in filter: "host A", "net CIDR", "port N" joined by "and".
	Filter string `toml:"filter"`
}

// CaptureFile is one capture file, or a folder of them, to replay.
type CaptureFile struct {
	Path   string `toml:"path"`
	Host   string `toml:"host"`
	Tenant string `toml:"tenant"`
	// PacketTime keeps each finding's time at its first packet's timestamp. By
	// default a replayed finding is dated when it is replayed: the notifier counts a
	// finding's time as its sighting, and an old capture would otherwise open cases
	// that resolve at once for want of a recent sighting.
	PacketTime bool `toml:"packet_time"`
}

// CaptureMap maps the addresses and MACs of one VM to its host id, and marks its side
// of a flow, so that findings say its role (server or client). A flow belongs to the
// first map naming either of its endpoints.
type CaptureMap struct {
	// Addresses are IPv4/IPv6 addresses and CIDR ranges.
	Addresses []string `toml:"addresses"`
	// MACs are matched against the frames' outer Ethernet addresses (on a
	// hypervisor's tap the VM's MAC is its only mark), and resolved to IPv4
	// addresses through the kernel's neighbour table (/proc/net/arp) for frames
	// without them: findings carry no MACs.
	MACs   []string `toml:"macs"`
	Host   string   `toml:"host"`
	Tenant string   `toml:"tenant"`
}

// MetricsConfig is where Prometheus metrics, /healthz and /readyz are served.
type MetricsConfig struct {
	// Listen is the address ("127.0.0.1:9717"); empty serves nothing.
	Listen string `toml:"listen"`
}

// LimitsConfig caps what the daemon may take from the machine it watches, like
// osquery's watchdog but enforced from inside.
type LimitsConfig struct {
	// Memory is the soft memory limit (GOMEMLIMIT, "256MiB"); a GOMEMLIMIT in the
	// environment wins. Empty: none.
	Memory units.Size `toml:"memory"`
	// CPUs caps the threads running Go code at once (GOMAXPROCS) and the scan
	// workers; 0: every CPU.
	CPUs int `toml:"cpus"`
	// ScanDuty is the share of wall time a host scan may work, in (0, 1]: at 0.25
	// each file reader rests three times as long as it worked, after every chunk of a
	// file and every file (rests of 20 ms at least). 0 or 1: no rest.
	ScanDuty float64 `toml:"scan_duty"`
	// Queue is how many findings wait for the notifier before new ones are dropped
	// (and counted): capture never waits for the database. 0 takes 4096.
	Queue int `toml:"queue"`
	// Held is how many findings the daemon keeps in memory while the case database
	// refuses them (a full disk), to record them when it accepts them again; beyond
	// it they are dropped and counted. 0 takes 100000.
	Held int `toml:"held"`
}

// DaemonConfig is the daemon's own rhythm.
type DaemonConfig struct {
	// NotifyInterval is how often cases are ticked, the outbox drained and due
	// suspension actions run; 0 takes 30s.
	NotifyInterval units.Duration `toml:"notify_interval"`
	// FlushInterval is how often queued findings are written as cases; 0 takes 5s.
	FlushInterval units.Duration `toml:"flush_interval"`
	// RepeatWindow is how long repeats of one finding (rule and subject on one host)
	// are collapsed into one record carrying their count, so that a flood of one
	// finding cannot crowd the others out of the queue; 0 takes 10s.
	RepeatWindow units.Duration `toml:"repeat_window"`
	// CaptureWindow is how long a live capture runs before its counters are
	// published and new rules are taken up; 0 takes 30s.
	CaptureWindow units.Duration `toml:"capture_window"`
}

// DefaultLiveFlows is capture.max_flows when it is not set.
const DefaultLiveFlows = 32768
