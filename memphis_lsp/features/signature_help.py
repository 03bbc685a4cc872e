"""Signature help (`textDocument/signatureHelp`): the called function's signature and the
parameter being typed. Trigger characters: `(` and `,`."""

from __future__ import annotations

from lsprotocol import types

from interpreter.analysis.signature import signature_help

from .analysed import query_at

__all__ = ['register']


def register(server) -> None:
    @server.feature(types.TEXT_DOCUMENT_SIGNATURE_HELP,
                    types.SignatureHelpOptions(trigger_characters=['(', ','],
                                               retrigger_characters=[')']))
    async def on_signature_help(params: types.SignatureHelpParams):
        _found, info = await query_at(server, params, signature_help)
        if info is None:
            return None
        documentation = types.MarkupContent(kind=types.MarkupKind.PlainText,
                                            value=info.documentation) \
            if info.documentation else None
        signature = types.SignatureInformation(
            label=info.label, documentation=documentation,
            parameters=[types.ParameterInformation(label=text) for text in info.parameters],
            active_parameter=info.active)
        return types.SignatureHelp(signatures=[signature], active_signature=0,
                                   active_parameter=info.active)
