"""A logging filter that keeps personal data (e-mail addresses, phone numbers, postcodes
with house numbers) and secrets that can travel in a URL (an Open311 ``api_key`` sent against
the rules, the token of a follow link) out of every log line, the server's request lines included."""

import logging
import re

_PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "[e-mail]"),
    (re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){9}(?!\d)"), "[telefoon]"),
    (re.compile(r"\b\d{4}\s?[A-Z]{2}\s?\d{1,5}\b"), "[adres]"),
    (re.compile(r"((?:api_key|token|code)=)[^&\s\"']+", re.IGNORECASE), r"\1[geheim]"),
    (re.compile(r"(/volg/)[^/\s\"'?]+"), r"\1[geheim]"),
]


def scrub(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
