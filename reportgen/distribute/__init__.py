"""Sending each municipality its files: recipients, messages, SMTP and the delivery log."""
