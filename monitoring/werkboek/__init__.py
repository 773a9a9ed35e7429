"""The workbook (werkboek): the .xlsx exchange format of one jaarschijf (WORKBOOK.md).

reader   parses and checks a whole file into plain data, collecting every error;
importer writes that data in one transaction; exporter writes a jaarschijf back out;
sjabloon builds the empty template (instructions, Dutch headers, dropdowns); views are the upload,
preview, download and template pages. Everything about the exchange lives in this subpackage.
"""
