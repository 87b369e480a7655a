package output

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/aupscan/aupscan/scanner"
)

// amAlert is one alert of Alertmanager's v2 API (POST /api/v2/alerts).
type amAlert struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
	StartsAt    time.Time         `json:"startsAt"`
	EndsAt      time.Time         `json:"endsAt"`
}

// alertmanagerSink posts findings as alerts. The labels identify the finding (rule,
// host, tenant and the finding's stable id), so a new sighting of the same finding
// refreshes its alert instead of making another; the alert ends Expire after the
// last sighting unless it is seen again.
type alertmanagerSink struct {
	url    string
	labels map[string]string
	expire time.Duration
	client *http.Client
	now    func() time.Time
}

func newAlertmanager(c Config, now func() time.Time) (*alertmanagerSink, error) {
	client, err := httpClient(c)
	if err != nil {
		return nil, err
	}
	return &alertmanagerSink{url: strings.TrimSuffix(c.URL, "/") + "/api/v2/alerts", labels: c.Labels,
		expire: c.Expire.Or(time.Hour), client: client, now: now}, nil
}

func (a *alertmanagerSink) maxBatch() int { return 64 }

// Alert returns the Alertmanager alert of f, ending at end.
func alert(f *scanner.Finding, extra map[string]string, start, end time.Time) amAlert {
	l := map[string]string{}
	for k, v := range extra {
		l[k] = v
	}
	for k, v := range map[string]string{"alertname": f.Rule, "rule": f.Rule, "category": f.Category, "severity": f.Severity,
		"confidence": f.Confidence, "kind": f.Kind, "host": f.Host, "tenant": f.Tenant, "finding_id": f.ID} {
		if v != "" {
			l[k] = v
		}
	}
	an := map[string]string{"summary": f.Name, "description": f.Evidence, "subject": f.Subject, "source": f.Source}
	if f.Role != "" {
		an["role"] = f.Role
	}
	if f.SHA256 != "" {
		an["sha256"] = f.SHA256
	}
	if f.RulesVersion != "" {
		an["rules_version"] = f.RulesVersion
	}
	return amAlert{Labels: l, Annotations: an, StartsAt: start, EndsAt: end}
}

func (a *alertmanagerSink) deliver(ctx context.Context, batch []*scanner.Finding) error {
	now := a.now()
	alerts := make([]amAlert, len(batch))
	for i, f := range batch {
		start := f.Time
		if start.IsZero() || start.After(now) {
			start = now
		}
		alerts[i] = alert(f, a.labels, start, now.Add(a.expire))
	}
	body, err := json.Marshal(alerts)
	if err != nil {
		return permanent{err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.url, bytes.NewReader(body))
	if err != nil {
		return permanent{err}
	}
	req.Header.Set("Content-Type", "application/json")
	return httpResult(a.client.Do(req))
}

func (a *alertmanagerSink) close() error {
	a.client.CloseIdleConnections()
	return nil
}
