"""ChatInterface and Chatbot: messages format, streaming replies, Retry, Undo, Clear."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pagelet as gr
from fake_host import FakeHost, component, final_stage, updates_of


def dep_for(config, target_id, event):
    return next(dep for dep in config["dependencies"] if [target_id, event] in dep["targets"])


def then_of(config, dep):
    return next(d for d in config["dependencies"] if d["trigger_after"] == dep["id"])


# Gradio 6's texts for a ChatInterface: markers the page translates ("Chatbot", "Type a message...").
CHAT_LABEL = '__i18n__{"__type__": "translation_metadata", "key": "chat_interface.chatbot"}'
CHAT_PLACEHOLDER = '__i18n__{"__type__": "translation_metadata", "key": "chat_interface.message_placeholder"}'


def said(role, *texts, metadata=None, options=None):
    """A message as Gradio 6 normalizes it: content as typed parts."""
    return {"role": role, "metadata": metadata, "content": [{"text": t, "type": "text"} for t in texts], "options": options}


class Chat:
    """Drives a ChatInterface the way the host does: submit, then its chain."""

    def __init__(self, demo):
        self.demo = demo
        self.config = demo.get_config()
        self.host = FakeHost(demo)
        self.box = next(c for c in self.config["components"] if c["props"].get("placeholder") == CHAT_PLACEHOLDER)
        self.bot = component(self.config, CHAT_LABEL)
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
    assert chat.box["props"]["label"] == "" and chat.box["props"]["show_label"] is False
    chat.send("hi")
    chat.send("again")
    # As in Gradio 6, the history the function sees is normalized: each content a list of typed parts.
    assert seen == [("hi", []), ("again", [said("user", "hi"), said("assistant", "You said: hi")])]
    assert chat.history[-1] == said("assistant", "You said: again")


def test_chat_interface_has_gradios_hidden_parts_and_chatbot_value_fills_the_chat():
    with gr.Blocks() as demo:
        pick = gr.Radio(["Greeting", "Blank"], label="Pick")
        chat = gr.ChatInterface(lambda message, history: "ok", api_name="chat")
        pick.change(lambda choice: [{"role": "user", "content": "Hi there!"}] if choice == "Greeting" else [], pick, chat.chatbot_value)
    types = sorted(c["type"] for c in demo.get_config()["components"])
    assert types.count("state") >= 5 and "browserstate" in types
    host = FakeHost(demo)
    config = demo.get_config()
    assert [u["id"] for u in updates_of(host.fire(dep_for(config, pick.id, "change")["id"], "Greeting"))] == [chat.chatbot_value.id]
    # A State's value stays in the core; the page sends null for it.
    shown = updates_of(host.fire(dep_for(config, chat.chatbot_value.id, "change")["id"], None))
    assert shown == [{"id": chat.chatbot.id, "value": [said("user", "Hi there!")]}]


def test_a_generator_streams_the_reply_and_gets_a_stop_button():
    def spell(message, history):
        for end in range(1, len(message) + 1):
            yield message[:end]

    chat = Chat(gr.ChatInterface(spell))
    streamed = chat.send("abc")
    assert [h[-1]["content"][0]["text"] for h in streamed] == ["a", "ab", "abc"]
    # Gradio 6: Submit and Stop are the box's buttons; Stop shows while the reply runs, then Submit again.
    assert (chat.box["props"]["submit_btn"], chat.box["props"]["stop_btn"]) == (True, False)
    first = dep_for(chat.config, chat.box["id"], "submit")
    taken = updates_of(chat.host.fire(first["id"], "x", []))
    assert next(u for u in taken if u["id"] == chat.box["id"]) == {"id": chat.box["id"], "value": "", "props": {"submit_btn": False, "stop_btn": True}}
    respond = then_of(chat.config, first)
    assert dep_for(chat.config, chat.box["id"], "stop")["cancels"] == [respond["id"]]
    restore = then_of(chat.config, respond)
    assert updates_of(chat.host.fire(restore["id"])) == [{"id": chat.box["id"], "props": {"submit_btn": True, "stop_btn": False}}]
    assert not [c for c in chat.config["components"] if c["type"] == "button" and c["props"]["visible"]]


def test_retry_reruns_the_last_message_and_undo_puts_it_back_in_the_box():
    replies = iter(["first", "second"])
    chat = Chat(gr.ChatInterface(lambda message, history: next(replies)))
    chat.send("question")
    assert chat.bot["props"]["_retryable"] is True
    chat.run_chain(dep_for(chat.config, chat.bot["id"], "retry"), chat.history)
    assert chat.history == [said("user", "question"), said("assistant", "second")]
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
    assert streamed[-1]["value"][-1] == said("assistant", "hello (calm)")
    accordion = '__i18n__{"__type__": "translation_metadata", "key": "chat_interface.additional_inputs"}'
    assert any(c["type"] == "accordion" and c["props"]["label"] == accordion for c in chat.config["components"])


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
    assert chat.history[-1] == said("assistant", "fine")


def test_chatbot_postprocess_is_gradio_6s_normalized_messages(tmp_path):
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"png")
    bot = gr.Chatbot()
    assert bot.label is None
    shown = bot.postprocess([
        gr.ChatMessage("  hi\n  there", role="user"),
        {"role": "assistant", "content": "yo"},
        gr.ChatMessage("Looking it up", metadata={"title": "Tool", "duration": 2, "extra": 1}, options=[{"value": "a", "x": 1}]),
        {"role": "assistant", "content": {"path": str(picture), "alt_text": "a cat"}},
        {"role": "assistant", "content": ["see", {"path": str(picture)}]},
        {"role": "assistant", "content": []},
    ])
    file = {"path": str(picture), "url": None, "size": None, "orig_name": None, "mime_type": "image/png",
            "is_stream": False, "meta": {"_type": "gradio.FileData"}}
    assert shown == [
        {"role": "user", "metadata": {}, "content": [{"text": "hi\nthere", "type": "text"}], "options": []},
        said("assistant", "yo"),
        {"role": "assistant", "metadata": {"title": "Tool", "duration": 2.0}, "content": [{"text": "Looking it up", "type": "text"}],
         "options": [{"value": "a"}]},
        {"role": "assistant", "metadata": None, "content": [{"file": file, "alt_text": "a cat", "type": "file"}], "options": None},
        {"role": "assistant", "metadata": None, "content": [{"text": "see", "type": "text"}, {"file": file, "alt_text": None, "type": "file"}],
         "options": None},
    ]
    # What a function receives back is the same normalized form.
    assert bot.preprocess([said("user", "hi")]) == [said("user", "hi")]
    # Gradio 4's pairs are still converted.
    assert bot.postprocess([["a", None]]) == [said("user", "a")]


def test_chatbot_refuses_what_gradio_refuses():
    import pytest

    bot = gr.Chatbot()
    with pytest.raises(ValueError, match="Invalid message"):
        bot.postprocess([{"role": "user", "content": None}])
    with pytest.raises(ValueError, match="'role' and 'content'"):
        bot.postprocess([{"role": "user"}])


def test_chatbot_reasoning_tags_become_thoughts_and_components_travel_as_gradio_sends_them():
    bot = gr.Chatbot(reasoning_tags=[("<think>", "</think>")])
    assert bot.postprocess([{"role": "assistant", "content": "<think>hmm</think>The answer<think>more"}]) == [
        said("assistant", "hmm", metadata={"title": "Reasoning", "status": "done"}),
        said("assistant", "The answer"),
        said("assistant", "more", metadata={"title": "Reasoning", "status": "pending"}),
    ]
    part = gr.Chatbot().postprocess([{"role": "assistant", "content": gr.Textbox("shown", label="Inner")}])[0]["content"][0]
    assert (part["type"], part["component"], part["value"], part["constructor_args"]) == ("component", "textbox", "shown", {"label": "Inner", "render": False})
    assert part["props"]["label"] == "Inner"


def test_multimodal_textbox_carries_text_and_file_names():
    box = gr.MultimodalTextbox()
    assert box.preprocess({"text": "look", "files": ["cat.png"]}) == {"text": "look", "files": ["cat.png"]}
    assert box.postprocess("hi") == {"text": "hi", "files": []}
    seen = []
    chat = Chat(gr.ChatInterface(lambda message, history: seen.append(message) or "ok", multimodal=True))
    first = dep_for(chat.config, chat.box["id"], "submit")
    taken = updates_of(chat.host.fire(first["id"], {"text": "look", "files": ["cat.png"]}, []))
    shown = next(u["value"] for u in taken if u["id"] == chat.bot["id"])
    assert shown[0]["content"][0]["file"]["path"] == "cat.png" and shown[0]["content"][1] == {"text": "look", "type": "text"}
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
    # Unlike gr.Examples, Gradio's ChatInterface labels its examples.
    assert dataset["props"]["label"] == "Examples"
    load = dep_for(chat.config, dataset["id"], "click")
    tone = component(chat.config, "Tone")["id"]
    assert load["outputs"] == [chat.box["id"], tone]
    assert updates_of(chat.host.fire(load["id"], 0)) == [{"id": chat.box["id"], "value": "hi"}, {"id": tone, "value": "loud"}]


def test_the_chat_endpoint_answers_a_chatmessage_as_its_fields_and_refuses_a_missing_message():
    demo = gr.ChatInterface(lambda message, history: gr.ChatMessage("Thinking", metadata={"title": "Step"}), api_name="chat")
    config = demo.get_config()
    api = next(d for d in config["dependencies"] if d["api_name"] == "chat")
    host = FakeHost(demo)
    answered = updates_of(host.fire(api["id"], "hi", None))
    assert answered[0]["value"] == {"content": "Thinking", "role": "assistant", "metadata": {"title": "Step"}, "options": []}
    refused = host.fire(api["id"], None, None)
    assert [m["message"] for m in refused if m["type"] == "alert"] == ["The chat endpoint needs a message: got none"]


def test_editable_chat_answers_an_edited_message_again_with_the_conversation_cut_there():
    seen = []

    def echo(message, history):
        seen.append((message, [m["content"][0]["text"] for m in history]))
        return f"You typed: {message}"

    chat = Chat(gr.ChatInterface(echo, editable=True))
    # As Gradio: ChatInterface(editable=True) lets a person edit their own messages.
    assert chat.bot["props"]["editable"] == "user"
    chat.send("Lets")
    chat.send("Test")
    chat.send("This")
    edit = dep_for(chat.config, chat.bot["id"], "edit")
    asyncio.run(chat.host.session.handle({
        "v": 1, "type": "event", "event_id": "edit-1", "fn": edit["id"], "data": [chat.history],
        "event_data": {"index": 2, "value": "Do", "previous_value": "Test"},
    }))
    taken = [u["value"] for u in updates_of(chat.host.messages) if u["id"] == chat.bot["id"]][-1]
    assert [m["content"][0]["text"] for m in taken] == ["Lets", "You typed: Lets", "Do"]
    respond = then_of(chat.config, edit)
    replies = [u["value"] for u in updates_of(chat.host.fire(respond["id"], "Do", taken)) if u["id"] == chat.bot["id"]]
    assert [m["content"][0]["text"] for m in replies[-1]] == ["Lets", "You typed: Lets", "Do", "You typed: Do"]
    assert seen[-1] == ("Do", ["Lets", "You typed: Lets"])


def test_a_chat_is_not_editable_unless_asked():
    chat = Chat(gr.ChatInterface(lambda message, history: "ok"))
    assert chat.bot["props"]["editable"] is None
    assert not any([chat.bot["id"], "edit"] in dep["targets"] for dep in chat.config["dependencies"])


def test_multimodal_textbox_shows_returned_files_as_file_data(tmp_path):
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    shown = gr.MultimodalTextbox().postprocess({"text": "look", "files": [str(picture)]})
    assert shown["text"] == "look"
    assert [(f["path"], f["orig_name"], f["mime_type"]) for f in shown["files"]] == [(str(picture), "cat.png", "image/png")]


def test_a_validator_sees_the_message_alone_and_a_refused_message_is_not_sent():
    def check(message):
        return gr.validate(message != "error", "Can't be error")

    chat = Chat(gr.ChatInterface(lambda message, history: f"You typed: {message}", validator=check))
    first = dep_for(chat.config, chat.box["id"], "submit")
    refused = chat.host.fire(first["id"], "error", [])
    assert {"id": chat.box["id"], "props": {"validation_error": "Can't be error"}} in updates_of(refused)
    assert not any(u["id"] == chat.bot["id"] for u in updates_of(refused))
    chat.send("hello")
    assert [m["content"][0]["text"] for m in chat.history] == ["hello", "You typed: hello"]


def test_examples_show_in_the_empty_chat_and_a_clicked_one_starts_the_conversation(tmp_path):
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    seen = []

    def echo(message, history):
        seen.append(message)
        return f"You wrote: {message['text']} and uploaded {len(message['files'])} files."

    chat = Chat(gr.ChatInterface(echo, multimodal=True, examples=[{"text": "hello"}, {"text": "hola", "files": [str(picture)]}]))
    shown = chat.bot["props"]["examples"]
    assert [example["text"] for example in shown] == ["hello", "hola"]
    assert shown[1]["files"][0]["orig_name"] == "cat.png"
    # As Gradio 6: no Examples table under the box.
    assert not any(c["type"] == "dataset" for c in chat.config["components"])
    chosen = dep_for(chat.config, chat.bot["id"], "example_select")
    # The page names the example by index; what it says the files are is not trusted.
    asyncio.run(chat.host.session.handle({
        "v": 1, "type": "event", "event_id": "x-1", "fn": chosen["id"], "data": [],
        "event_data": {"index": 1, "value": {"text": "hola", "files": [{"path": "/etc/passwd"}]}},
    }))
    history = [u["value"] for u in updates_of(chat.host.messages) if u["id"] == chat.bot["id"]][-1]
    assert history[0]["content"][0]["file"]["path"] == str(picture)
    respond = then_of(chat.config, chosen)
    replies = [u["value"] for u in updates_of(chat.host.fire(respond["id"], {"text": "hola", "files": [str(picture)]}, history)) if u["id"] == chat.bot["id"]]
    assert replies[-1][-1]["content"][0]["text"] == "You wrote: hola and uploaded 1 files."
    assert seen == [{"text": "hola", "files": [str(picture)]}]


def test_chatbot_examples_naming_a_missing_file_still_start(tmp_path: Path) -> None:
    """Gradio's chatbot_examples demo names files its folder lacks; gradio starts it, a broken picture shown."""
    missing = tmp_path / "files" / "cantina.wav"
    with gr.Blocks() as demo:
        gr.Chatbot(examples=[{"text": "hear this", "files": [str(missing)], "icon": str(tmp_path / "avatar.png")}])
    example = next(c for c in demo.get_config()["components"] if c["type"] == "chatbot")["props"]["examples"][0]
    assert example["files"][0]["path"] == str(missing)
    assert example["files"][0]["size"] is None and example["files"][0]["mime_type"] == "audio/x-wav"
    assert example["icon"]["orig_name"] == "avatar.png"
