"""ChatInterface and Chatbot: messages format, streaming replies, Retry, Undo, Clear."""

from __future__ import annotations

import pagelet as gr
from fake_host import FakeHost, component, final_stage, updates_of


def dep_for(config, target_id, event):
    return next(dep for dep in config["dependencies"] if [target_id, event] in dep["targets"])


def then_of(config, dep):
    return next(d for d in config["dependencies"] if d["trigger_after"] == dep["id"])


class Chat:
    """Drives a ChatInterface the way the host does: submit, then its chain."""

    def __init__(self, demo):
        self.demo = demo
        self.config = demo.get_config()
        self.host = FakeHost(demo)
        self.box = component(self.config, "Message")
        self.bot = component(self.config, "Chatbot")
        self.history = []

    def run_chain(self, first, *data):
        messages = self.host.fire(first["id"], *data)
        for update in updates_of(messages):
            if update["id"] == self.bot["id"] and "value" in update:
                self.history = update["value"]
        respond = then_of(self.config, first)
        values = [None, self.history] + [None] * (len(respond["inputs"]) - 2)
        streamed = [u["value"] for u in updates_of(self.host.fire(respond["id"], *values)) if u["id"] == self.bot["id"]]
        if streamed:
            self.history = streamed[-1]
        return streamed

    def send(self, text):
        return self.run_chain(dep_for(self.config, self.box["id"], "submit"), text, self.history)


def test_fn_gets_message_and_messages_history_and_replies_as_assistant():
    seen = []

    def echo(message, history):
        seen.append((message, list(history)))
        return f"You said: {message}"

    chat = Chat(gr.ChatInterface(echo, title="Echo"))
    assert chat.box["props"]["placeholder"] == "Type a message..."
    assert chat.bot["props"]["type"] == "messages"
    chat.send("hi")
    chat.send("again")
    assert seen == [
        ("hi", []),
        ("again", [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "You said: hi"}]),
    ]
    assert chat.history[-1] == {"role": "assistant", "content": "You said: again"}


def test_a_generator_streams_the_reply_and_gets_a_stop_button():
    def spell(message, history):
        for end in range(1, len(message) + 1):
            yield message[:end]

    chat = Chat(gr.ChatInterface(spell))
    streamed = chat.send("abc")
    assert [h[-1]["content"] for h in streamed] == ["a", "ab", "abc"]
    buttons = {c["props"]["value"]: c for c in chat.config["components"] if c["type"] == "button"}
    assert buttons["Stop"]["props"]["visible"] is False
    respond = then_of(chat.config, dep_for(chat.config, chat.box["id"], "submit"))
    assert dep_for(chat.config, buttons["Stop"]["id"], "click")["cancels"] == [respond["id"]]


def test_retry_reruns_the_last_message_and_undo_puts_it_back_in_the_box():
    replies = iter(["first", "second"])
    chat = Chat(gr.ChatInterface(lambda message, history: next(replies)))
    chat.send("question")
    assert chat.bot["props"]["_retryable"] is True
    chat.run_chain(dep_for(chat.config, chat.bot["id"], "retry"), chat.history)
    assert chat.history == [{"role": "user", "content": "question"}, {"role": "assistant", "content": "second"}]
    undo = updates_of(chat.host.fire(dep_for(chat.config, chat.bot["id"], "undo")["id"], chat.history))
    assert {u["id"]: u["value"] for u in undo} == {chat.bot["id"]: [], chat.box["id"]: "question"}
    clear = updates_of(chat.host.fire(dep_for(chat.config, chat.bot["id"], "clear")["id"]))
    assert [u for u in clear if u["id"] == chat.bot["id"]] == [{"id": chat.bot["id"], "value": []}]


def test_additional_inputs_follow_message_and_history():
    def reply(message, history, tone):
        return f"{message} ({tone})"

    demo = gr.ChatInterface(reply, additional_inputs=[gr.Textbox("calm", label="Tone")])
    chat = Chat(demo)
    respond = then_of(chat.config, dep_for(chat.config, chat.box["id"], "submit"))
    assert len(respond["inputs"]) == 3
    chat.host.fire(dep_for(chat.config, chat.box["id"], "submit")["id"], "hello", [])
    streamed = updates_of(chat.host.fire(respond["id"], None, [{"role": "user", "content": "hello"}], "calm"))
    assert streamed[-1]["value"][-1] == {"role": "assistant", "content": "hello (calm)"}
    assert any(c["type"] == "accordion" and c["props"]["label"] == "Additional Inputs" for c in chat.config["components"])


def test_errors_in_the_chat_function_become_toasts_and_the_chat_goes_on():
    def moody(message, history):
        if message == "boom":
            raise gr.Error("No explosions, please")
        return "fine"

    chat = Chat(gr.ChatInterface(moody))
    first = dep_for(chat.config, chat.box["id"], "submit")
    chat.host.fire(first["id"], "boom", [])
    respond = then_of(chat.config, first)
    messages = chat.host.fire(respond["id"], None, [{"role": "user", "content": "boom"}])
    assert [m["message"] for m in messages if m["type"] == "alert"] == ["No explosions, please"]
    assert final_stage(messages) == "error"
    chat.send("hello")
    assert chat.history[-1]["content"] == "fine"


def test_chatbot_accepts_messages_chatmessage_and_tuples():
    bot = gr.Chatbot(type="messages")
    assert bot.postprocess([gr.ChatMessage("hi", role="user"), {"role": "assistant", "content": "yo"}]) == [
        {"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"},
    ]
    assert bot.postprocess([["a", "b"], ["c", None]]) == [
        {"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"},
    ]
    assert gr.Chatbot(type="tuples").preprocess([{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]) == [["a", "b"]]


def test_multimodal_textbox_carries_text_and_file_names():
    box = gr.MultimodalTextbox()
    assert box.preprocess({"text": "look", "files": ["cat.png"]}) == {"text": "look", "files": ["cat.png"]}
    assert box.postprocess("hi") == {"text": "hi", "files": []}
    seen = []
    chat = Chat(gr.ChatInterface(lambda message, history: seen.append(message) or "ok", multimodal=True))
    first = dep_for(chat.config, chat.box["id"], "submit")
    taken = updates_of(chat.host.fire(first["id"], {"text": "look", "files": ["cat.png"]}, []))
    shown = next(u["value"] for u in taken if u["id"] == chat.bot["id"])
    assert shown == [{"role": "user", "content": "cat.png"}, {"role": "user", "content": "look"}]
    respond = then_of(chat.config, first)
    chat.host.fire(respond["id"], {"text": "look", "files": ["cat.png"]}, shown)
    assert seen == [{"text": "look", "files": ["cat.png"]}]


def test_examples_may_also_set_additional_inputs():
    demo = gr.ChatInterface(
        lambda message, history, tone: f"{message} ({tone})",
        additional_inputs=[gr.Textbox("calm", label="Tone")],
        examples=[["hi", "loud"], ["bye"]],
    )
    chat = Chat(demo)
    dataset = next(c for c in chat.config["components"] if c["type"] == "dataset")
    load = dep_for(chat.config, dataset["id"], "click")
    tone = component(chat.config, "Tone")["id"]
    assert load["outputs"] == [chat.box["id"], tone]
    assert updates_of(chat.host.fire(load["id"], 0)) == [{"id": chat.box["id"], "value": "hi"}, {"id": tone, "value": "loud"}]
