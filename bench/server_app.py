"""The app both servers run for bench/server.py: one trivial function."""

import gradio as gr


def echo(text):
    return text


demo = gr.Interface(echo, "textbox", "textbox")

if __name__ == "__main__":
    demo.launch()
