package dev.pausepoint.mcp.tools;

import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * What a model reads when it chooses a tool: when to ask a human, what makes a question answerable from a phone,
 * what the default means, and how to go on when the answer has not come yet. The input schemas use the REST
 * API's snake_case names (docs/mcp.md, "Tools").
 */
final class ToolDescriptions {

    record Described(String name, String title, String description, String inputSchema,
            ToolAnnotations annotations) {
    }

    private ToolDescriptions() {
    }

    /** The hints a client shows or acts on; none of the tools asks to return its result directly. */
    private static ToolAnnotations annotations(String title, boolean readOnly, boolean destructive, boolean idempotent,
            boolean openWorld) {
        return ToolAnnotations.builder().title(title).readOnlyHint(readOnly).destructiveHint(destructive)
                .idempotentHint(idempotent).openWorldHint(openWorld).build();
    }

    private static final String WAIT_ARGUMENT = """
            "max_wait_seconds": {"type": "integer", "minimum": 0,
              "description": "How long this call waits for the answer before returning status pending with next_step. Omit it to use the server's default (under a minute, so the call does not outlast your client's timeout); larger values are capped by the server's maximum. 0 returns at once."}""";

    static final Described ASK_HUMAN = new Described("ask_human", "Ask a human and wait for the answer", """
            Ask a specific person to choose between a few options, by SMS, email or Slack, and wait for their answer.
            Use it before any action that is costly, irreversible, externally visible or outside what you were \
            clearly allowed to do (deploying, paying, deleting data, emailing customers, merging), or when you \
            need a judgement only a human can make. Do not use it for questions you can answer yourself, and do \
            not ask the same thing twice: if an earlier call returned status pending, call wait_for_pause with \
            its pause_id instead.
            A good question stands on its own, read on a phone without your context: say what you are about to \
            do, on what, and what happens with each option, in one or two short sentences (at most 2000 \
            characters). Options are 2 to 5 short, distinct labels (at most 100 characters each), such as \
            "Deploy" / "Hold"; put the safe choice among them.
            "default" is the option recorded if nobody answers before timeout_hours pass (the pause then ends \
            as timed_out with that choice); pick the safe choice, or leave it out so that no answer means no \
            choice. Set allow_text to let the human add a note, returned as "text".
            agent_name tells the human which assistant is asking (the message names your account and this name): \
            give your own name or role, e.g. "Deploy assistant"; left out, the server's configured name or your \
            MCP client's name is used.
            If the answer is urgent or the person may miss one message, add "reminders" (the same person is \
            messaged again every every_minutes, at least 5, at most max times, 1 to 5) and, when someone else \
            can decide if the first person does not, "escalation": up to 3 steps, each a person (channel and \
            recipient, e.g. their manager or the on-call lead) messaged after_minutes after you asked, in \
            increasing order and before the question expires. Escalate only to people who may decide it; \
            whoever answers first decides, and nobody is messaged once it is answered. Leave both out for \
            ordinary questions.
            The result has status "responded" with "choice" (and "text"), or "timed_out" / "cancelled"; act only \
            on a "responded" or defaulted choice. If the answer has not come within this call's wait, the result \
            has status "pending" and "next_step": the question stays open and you call wait_for_pause later. \
            Progress notifications are sent while waiting. Errors come back as isError results naming the API's \
            error code (for example CHANNEL_NOT_ALLOWED when the account's plan does not include the channel, \
            PLAN_LIMIT_REACHED when the month's pauses are used up); a test key (pp_test_) never contacts \
            anyone and returns a respond_url you can open to answer yourself, and its test recipients answer \
            by themselves (sms +15005550001 to +15005550005 choose option 1 to 5 after 2 seconds).""", """
            {"type": "object", "additionalProperties": false,
             "required": ["channel", "recipient", "question", "options"],
             "properties": {
              "channel": {"type": "string", "enum": ["sms", "email", "slack"],
                "description": "How to reach the human. The account's plan decides which channels are allowed."},
              "recipient": {"type": "string",
                "description": "sms: a phone number in E.164 form, e.g. +14155550100; email: an email address; slack: a Slack incoming-webhook URL (https://hooks.slack.com/services/...)."},
              "question": {"type": "string", "minLength": 1, "maxLength": 2000,
                "description": "The question, complete on its own: what you are about to do, on what, and what each option leads to."},
              "options": {"type": "array", "minItems": 2, "maxItems": 5, "uniqueItems": true,
                "items": {"type": "string", "minLength": 1, "maxLength": 100},
                "description": "2 to 5 short, distinct answers the human picks from, e.g. [\\"Deploy\\", \\"Hold\\"]."},
              "timeout_hours": {"type": "integer", "minimum": 1,
                "description": "How long the human has to answer (default 24; capped by the plan)."},
              "default": {"type": "string",
                "description": "One of options: what is recorded if nobody answers within timeout_hours. Choose the safe option, or omit it so that no answer means no decision."},
              "allow_text": {"type": "boolean", "description": "Let the human add a free-text note (returned as text). Default false."},
              "metadata": {"type": "object", "description": "Any JSON object (at most 16 KB) kept with the pause and returned in reads and webhooks, e.g. your task id."},
              "agent_name": {"type": "string", "minLength": 1, "maxLength": 80,
                "description": "Who is asking, shown to the human with the account's name, e.g. \\"Deploy assistant\\". No line breaks. Default: the server's PAUSEPOINT_AGENT_NAME, else your MCP client's name."},
              "reminders": {"type": "object", "additionalProperties": false, "required": ["every_minutes", "max"],
                "description": "Message the same person again, marked as a reminder, while nobody has answered.",
                "properties": {
                  "every_minutes": {"type": "integer", "minimum": 5, "description": "Minutes between reminders (at least 5)."},
                  "max": {"type": "integer", "minimum": 1, "maximum": 5, "description": "How many reminders at most (1 to 5)."}}},
              "escalation": {"type": "array", "minItems": 1, "maxItems": 3,
                "description": "People to ask in turn if nobody has answered yet: each is messaged after_minutes after the question was asked, with a link of their own; the first answer from anyone decides. Steps in increasing after_minutes, all before the question expires.",
                "items": {"type": "object", "additionalProperties": false, "required": ["after_minutes", "channel", "recipient"],
                  "properties": {
                    "after_minutes": {"type": "integer", "minimum": 1, "description": "Minutes after the question was asked; each step later than the one before."},
                    "channel": {"type": "string", "enum": ["sms", "email", "slack"], "description": "How to reach this person; must be on the account's plan."},
                    "recipient": {"type": "string", "description": "As recipient above, for this step's channel."}}}},
            """ + WAIT_ARGUMENT + "}}", annotations("Ask a human and wait for the answer", false, false,
                    false, true));

    static final Described GET_PAUSE = new Described("get_pause", "Look up a question", """
            Read a question asked with ask_human, by its pause_id, without waiting: its status ("pending", \
            "responded", "timed_out" or "cancelled"), the human's choice and text once answered, when it \
            expires, and its deliveries (each message sent or scheduled: the first, reminders and escalation \
            steps, with their status, e.g. "failed" when a message could not be delivered). Use wait_for_pause \
            instead when you want to wait for the answer.""", """
            {"type": "object", "additionalProperties": false, "required": ["pause_id"],
             "properties": {"pause_id": {"type": "string", "description": "The pause_id ask_human returned (psr_...)."}}}""",
            annotations("Look up a question", true, false, true, true));

    static final Described WAIT_FOR_PAUSE = new Described("wait_for_pause", "Wait for a human's answer", """
            Keep waiting for the answer to a question asked earlier with ask_human, when ask_human (or an earlier \
            wait_for_pause) returned status "pending". Returns as soon as the human answers, or the pause times \
            out or is cancelled, or when this call's wait ends: then status is still "pending" with "next_step", \
            and you may call wait_for_pause again or get on with other work and check later. Sends progress \
            notifications while waiting. Never ask the question again to get an answer; wait for this one.""",
            """
            {"type": "object", "additionalProperties": false, "required": ["pause_id"],
             "properties": {"pause_id": {"type": "string", "description": "The pause_id ask_human returned (psr_...)."},
            """ + WAIT_ARGUMENT + "}}", annotations("Wait for a human's answer", true, false, true, true));

    static final Described CANCEL_PAUSE = new Described("cancel_pause", "Withdraw a question", """
            Withdraw a pending question when it no longer needs an answer (you found the answer elsewhere, the \
            task was called off). The human is not notified; their link then says the request is no longer \
            needed. Returns the cancelled pause; a question already answered, timed out or cancelled cannot be \
            cancelled (ALREADY_RESPONDED, ALREADY_TIMED_OUT, ALREADY_CANCELLED).""", """
            {"type": "object", "additionalProperties": false, "required": ["pause_id"],
             "properties": {"pause_id": {"type": "string", "description": "The pause_id of the question to withdraw."}}}""",
            annotations("Withdraw a question", false, true, true, true));

    static final Described LIST_PAUSES = new Described("list_pauses", "List questions asked", """
            List questions asked with this API key's account and mode, newest first, optionally only those with \
            a status or on a channel: for example the pending ones, to find a pause_id you lost track of before \
            asking again. Returns items, has_more, limit and offset; page with offset.""", """
            {"type": "object", "additionalProperties": false,
             "properties": {
              "status": {"type": "string", "enum": ["pending", "responded", "timed_out", "cancelled"]},
              "channel": {"type": "string", "enum": ["sms", "email", "slack"]},
              "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "Default 20."},
              "offset": {"type": "integer", "minimum": 0, "description": "Default 0."}}}""",
            annotations("List questions asked", true, false, true, true));
}
