package web

import "github.com/aupscan/aupscan/notify/mail"

// text holds the tenant page's words in each locale of the notices (mail.Locales).
var text = map[string]map[string]string{
	"en": {
		"title": "Acceptable use case", "case": "Case", "what": "What was found", "rule": "Rule",
		"about": "What it is", "category": "Category", "host": "Host", "role": "Your host's role",
		"role.server": "server (it accepted the connections)", "role.client": "client (it made the connections)",
		"role.installed": "the software is installed", "did": "What it did", "evidence": "Evidence",
		"traffic": "Traffic", "file": "File", "found": "Found", "first": "First seen", "last": "Last seen",
		"count": "Sightings", "clause": "The policy you agreed to", "ladder": "What happens next",
		"ladder.help":   "Dates are in your time zone. A suspension also needs the software seen again after the final notice.",
		"stage.warning": "Warning", "stage.reminder": "Reminder", "stage.final": "Final notice",
		"stage.suspend": "Earliest suspension", "stage.suspended": "Suspension notice", "stage.reinstated": "Reinstatement notice",
		"stage.resolved": "Case closed", "sent": "sent", "from": "not before", "paused": "paused",
		"notices": "Notices sent", "none": "None yet.", "state": "State", "actions": "Your answer",
		"fixed": "Fixed: please check again", "fixed.help": "We check the host again; the process waits until the check has run, and a clean check closes the case.",
		"appeal": "This is wrong: appeal", "appeal.label": "Why is this finding wrong?",
		"appeal.help": "An appeal goes to our staff. The first appeal at each step pauses the process until they have reviewed it.",
		"ack":         "I have read this", "ack.done": "Acknowledged", "lang": "中文",
		"done.fixed": "Thank you: a re-check is requested.", "done.appeal": "Your appeal is recorded; our staff will review it.",
		"done.appeal.queued": "Your appeal is recorded and goes to our staff; the process was already paused once at this step.",
		"done.ack":           "Thank you: your acknowledgement is recorded.", "closed": "This case is closed: no answer is needed.",
		"invalid": "This link is not valid", "invalid.help": "It may have expired or been withdrawn. Reply to the notice email instead; quote the case reference.",
		"state.open": "Open", "state.appealed": "Appealed: waiting for our staff's review", "state.re-check pending": "Re-check pending",
		"state.needs contact": "Open", "state.suspension pending": "Suspension pending",
		"state.suspension requested: carry it out by hand": "Suspension pending", "state.suspended": "Suspended",
		"state.reinstatement pending": "Reinstatement pending", "state.reinstatement requested: carry it out by hand": "Reinstatement pending",
		"state.resolved": "Resolved: case closed", "state.reinstated": "Reinstated: case closed",
		"evidence.note": "This is all we keep: never the contents of your traffic or files.",
	},
	"zh-CN": {
		"title": "可接受使用政策案件", "case": "案件", "what": "发现的问题", "rule": "规则",
		"about": "规则说明", "category": "类别", "host": "主机", "role": "您的主机角色",
		"role.server": "服务端（接受了连接）", "role.client": "客户端（发起了连接）",
		"role.installed": "已安装该软件", "did": "行为", "evidence": "证据",
		"traffic": "网络流量", "file": "文件", "found": "发现对象", "first": "首次发现", "last": "最近发现",
		"count": "发现次数", "clause": "您同意的政策条款", "ladder": "后续流程",
		"ladder.help":   "日期按您的时区显示。暂停服务还需要在最终通知之后再次发现该软件。",
		"stage.warning": "警告", "stage.reminder": "提醒", "stage.final": "最终通知",
		"stage.suspend": "最早暂停服务时间", "stage.suspended": "暂停服务通知", "stage.reinstated": "恢复服务通知",
		"stage.resolved": "结案", "sent": "已发送", "from": "不早于", "paused": "已暂停",
		"notices": "已发送的通知", "none": "暂无。", "state": "状态", "actions": "您的答复",
		"fixed": "已修复：请重新检查", "fixed.help": "我们会重新检查该主机；检查完成前流程暂停，检查未发现问题即结案。",
		"appeal": "判断有误：提出申诉", "appeal.label": "为什么这一发现有误？",
		"appeal.help": "申诉会提交给我们的工作人员。每个阶段的第一次申诉会暂停流程，直至审核完成。",
		"ack":         "我已阅读", "ack.done": "已确认", "lang": "English",
		"done.fixed": "谢谢：已申请重新检查。", "done.appeal": "您的申诉已记录，工作人员会进行审核。",
		"done.appeal.queued": "您的申诉已记录并提交给工作人员；本阶段的流程此前已暂停过一次。",
		"done.ack":           "谢谢：已记录您的确认。", "closed": "本案件已结案，无需答复。",
		"invalid": "此链接无效", "invalid.help": "链接可能已过期或已被撤销。请直接回复通知邮件，并注明案件编号。",
		"state.open": "处理中", "state.appealed": "已申诉：等待工作人员审核", "state.re-check pending": "等待重新检查",
		"state.needs contact": "处理中", "state.suspension pending": "即将暂停服务",
		"state.suspension requested: carry it out by hand": "即将暂停服务", "state.suspended": "服务已暂停",
		"state.reinstatement pending": "即将恢复服务", "state.reinstatement requested: carry it out by hand": "即将恢复服务",
		"state.resolved": "已结案", "state.reinstated": "服务已恢复，已结案",
		"evidence.note": "我们只保存以上信息，从不保存您的流量或文件内容。",
	},
}

// locale picks the page's locale: the ?lang= the tenant chose, else the tenant's own.
func locale(asked, tenants string) string {
	for _, l := range mail.Locales {
		if asked == l {
			return l
		}
	}
	if _, ok := text[tenants]; ok {
		return tenants
	}
	return "en"
}

// otherLocale is the locale the switch link offers.
func otherLocale(l string) string {
	if l == "en" {
		return "zh-CN"
	}
	return "en"
}
